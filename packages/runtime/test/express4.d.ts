// Express 4 is installed as `express4` (an npm alias) for the adapter tests;
// its typings are close enough to Express 5's for building test apps.
declare module 'express4' {
  import express from 'express';
  export default express;
}
