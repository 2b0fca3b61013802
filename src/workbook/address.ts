// A1 addresses counted from 0, as detection uses them; parsed in one place, the package layer's a1.ts.
export { cellAddress, columnIndex, columnLetter, decodeCell, decodeRange } from './package/a1.js';
