/** The CLI's HiGHS solver, for the core's plan tests (the core takes its solver as an argument). */
export { highsSolver } from '@peakpath/node';
