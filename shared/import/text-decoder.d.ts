/**
 * The one piece of the Encoding API the importer uses. `shared/` compiles without DOM or Node
 * types, yet every runtime we target (Chromium, its workers, Node) has `TextDecoder`.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
