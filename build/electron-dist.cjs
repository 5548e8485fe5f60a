// Parent config for electron-builder.yml (`extends`): use a local Electron when one is named,
// because these machines cannot download it. ELECTRON_DIST (as README.md documents) or,
// failing that, ELECTRON_OVERRIDE_DIST_PATH (the variable `npm start` reads): an unpacked
// Electron folder, or an electron-v<version>-<platform>-<arch>.zip. Unset: electron-builder
// downloads Electron, which works only with internet access, so say so before it tries.
const dist = [process.env.ELECTRON_DIST, process.env.ELECTRON_OVERRIDE_DIST_PATH].find(
  (value) => value !== undefined && value !== '',
);
if (dist === undefined) {
  console.warn(
    'Neither ELECTRON_DIST nor ELECTRON_OVERRIDE_DIST_PATH is set, so electron-builder will download Electron ' +
      '(this needs internet access). Offline, set one to a local Electron of the version in node_modules/electron.',
  );
  module.exports = {};
} else {
  module.exports = { electronDist: dist };
}
