// `node read.mjs <url>`: the client side in the user's project: POSTs with
// fetch, reads the error answer back with the generated client, prints it.
import { paymentsErrorFromResponse } from '@payments/codes/client';

const response = await fetch(process.argv[2], { method: 'POST', headers: { 'Accept-Language': 'de-CH, de;q=0.9, en;q=0.5' } });
const error = await paymentsErrorFromResponse(response);
console.log(JSON.stringify({ kind: error.kind, code: error.code, status: error.status, locale: error.locale, message: error.message }));
