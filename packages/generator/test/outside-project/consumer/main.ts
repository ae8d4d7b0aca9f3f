// The consumer's own TypeScript, compiled with tsc (strict) in the temp
// project: imports the generated codes package by name, as an app would.
import { formatPaymentsMessage, isPaymentsErrorCode, PaymentsError, PaymentsErrorCode } from '@payments/codes';
import { parsePaymentsError } from '@payments/codes/client';

const declined = { code: PaymentsErrorCode.CardDeclined, params: { last4: '4242' } } as const;

// @ts-expect-error the message's {last4} placeholder is a required, typed param
new PaymentsError({ code: PaymentsErrorCode.CardDeclined });

const error = new PaymentsError(declined);

// The client side: the body read back, narrowed by its code.
const parsed = parsePaymentsError(JSON.stringify(error), { status: 402, headers: { 'content-language': 'en' } });
const declinedStatus: 402 | undefined = parsed.code === PaymentsErrorCode.CardDeclined ? parsed.status : undefined;
console.log(
  JSON.stringify({
    de: formatPaymentsMessage(declined, 'de'),
    en: formatPaymentsMessage(declined),
    status: error.status,
    body: error,
    known: isPaymentsErrorCode('CardDeclined'),
    unknown: isPaymentsErrorCode('NoSuchCode'),
    parsed: { kind: parsed.kind, code: parsed.code, status: declinedStatus, locale: parsed.locale, message: parsed.message },
  }),
);
