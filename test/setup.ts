// The AWS SDK warns once per process that Node 20 support ends in 2027 (Lambda runs Node 22);
// keep test output readable.
process.removeAllListeners('warning');
process.on('warning', (w) => {
  if (!/NodeVersionSupportWarning/.test(`${w.name} ${w.message}`)) console.warn(w);
});
