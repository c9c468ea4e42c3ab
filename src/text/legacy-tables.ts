/**
 * Character tables of the two legacy Vietnamese font encodings still met in old documents and
 * pages, as their bytes appear when read as windows-1252/latin1 (byte 0xNN → U+00NN).
 */

/**
 * TCVN3 (TCVN 5712:1993 "ABC", VN3 level): bytes 0xA1–0xFF, from the published TCVN 5712 table
 * (the same as glibc's TCVN5712-1 in that range). Bytes 0xB0–0xB4 are combining tone marks in the
 * standard but are left as `°±²³´` here: ABC documents do not use them and real text does. Capitals
 * with tones are absent from ABC (they were drawn with the capital "H" fonts from lowercase codes).
 */
export const TCVN3_HIGH =
  'ĂÂÊÔƠƯĐăâêôơưđẰ°±²³´àảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịòỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ'
export const TCVN3_FIRST_BYTE = 0xa1

/**
 * VNI-Windows: a base letter followed by a mark byte. Suffix rows are in tone order none, grave,
 * acute, hook, tilde, dot (as in `vietnamese-chars.ts`).
 */
export const VNI_TONE = ['', 'ø', 'ù', 'û', 'õ', 'ï']
export const VNI_CIRCUMFLEX = ['â', 'à', 'á', 'å', 'ã', 'ä']
export const VNI_BREVE = ['ê', 'è', 'é', 'ú', 'ü', 'ë']
/** `i` with each tone is one byte in VNI. */
export const VNI_I = ['i', 'ì', 'í', 'æ', 'ó', 'ò']
/** `ỵ` is one byte; the other `y` tones use the usual suffixes. */
export const VNI_Y_DOT = 'î'
/** Single bytes: ơ, ư and đ. */
export const VNI_O_HORN = 'ô'
export const VNI_U_HORN = 'ö'
export const VNI_D_STROKE = 'ñ'
