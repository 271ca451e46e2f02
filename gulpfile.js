const path = require('node:path');
const { src, dest, series } = require('gulp');

/**
 * Copies what tsc does not: node and credential icons (SVG/PNG) and codex files
 * (<Node>.node.json) into dist/, beside the compiled code that names them.
 */
function copyIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest(path.resolve('dist')));
}

function copyCodex() {
	return src(['nodes/**/*.node.json'], { base: '.' }).pipe(dest(path.resolve('dist')));
}

exports.build = series(copyIcons, copyCodex);
exports.default = exports.build;
