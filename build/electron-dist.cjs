// Parent config for electron-builder.yml (`extends`): use a local, unpacked Electron when
// ELECTRON_OVERRIDE_DIST_PATH points at one (the same variable `npm start` reads), because
// these machines cannot download Electron. Unset: electron-builder downloads as usual, which
// works on a build machine with internet access.
const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH;
module.exports = dist === undefined || dist === '' ? {} : { electronDist: dist };
