/** How a payload crosses to a thread: copied (structured clone), moved (transfer list), or shared. */
export const PAYLOAD_MODES = ['clone', 'transfer', 'shared'] as const;
export type PayloadMode = (typeof PAYLOAD_MODES)[number];

/** One payload probe message; the probe thread sends it back unchanged (plus a checksum of one byte). */
export interface ProbeMessage {
  mode: PayloadMode | 'none';
  payload: ArrayBuffer | SharedArrayBuffer | null;
  touched?: number;
}
