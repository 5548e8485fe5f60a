/**
 * The few platform globals that pure shared/ code may use, because both browsers and Node 20
 * provide them identically: text encoding (for Windows-1252 decoding of ONS files) and Web
 * Crypto's digest (for provenance hashes). Declared here, minimally, so that shared/ compiles
 * without the DOM or Node type libraries and cannot reach anything else by accident.
 */
declare global {
  interface TextDecoderOptions {
    fatal?: boolean;
    ignoreBOM?: boolean;
  }
  class TextDecoder {
    constructor(label?: string, options?: TextDecoderOptions);
    readonly encoding: string;
    decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
  }
  class TextEncoder {
    encode(input?: string): Uint8Array;
  }
  interface SubtleCryptoDigest {
    digest(algorithm: 'SHA-256', data: ArrayBufferView | ArrayBuffer): Promise<ArrayBuffer>;
  }
  var crypto: { readonly subtle: SubtleCryptoDigest };
}
export {};
