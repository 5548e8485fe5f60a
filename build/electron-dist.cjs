// Parent config for electron-builder.yml (`extends`): use a local, unpacked Electron when
// ELECTRON_OVERRIDE_DIST_PATH points at one (the same variable `npm start` reads), because
// these machines cannot download Electron. Unset: electron-builder downloads as usual, which
// works only on a build machine with internet access, so say so before it tries.
const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH;
if (dist === undefined || dist === '') {
  console.warn(
    'ELECTRON_OVERRIDE_DIST_PATH is not set, so electron-builder will download Electron (this needs internet access). ' +
      'Offline, set it to an unpacked Electron of the version in node_modules/electron/package.json.',
  );
  module.exports = {};
} else {
  module.exports = { electronDist: dist };
}
