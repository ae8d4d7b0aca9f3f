// The consumer's own TypeScript, compiled with tsc (strict) in the temp
// project: imports the generated codes package by name, as an app would.
import { formatPaymentsMessage, isPaymentsErrorCode, PaymentsError, PaymentsErrorCode } from '@payments/codes';

const declined = { code: PaymentsErrorCode.CardDeclined, params: { last4: '4242' } } as const;

// @ts-expect-error the message's {last4} placeholder is a required, typed param
new PaymentsError({ code: PaymentsErrorCode.CardDeclined });

const error = new PaymentsError(declined);
console.log(
  JSON.stringify({
    de: formatPaymentsMessage(declined, 'de'),
    en: formatPaymentsMessage(declined),
    status: error.status,
    body: error,
    known: isPaymentsErrorCode('CardDeclined'),
    unknown: isPaymentsErrorCode('NoSuchCode'),
  }),
);
