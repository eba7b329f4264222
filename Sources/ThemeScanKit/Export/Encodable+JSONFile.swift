import Foundation

extension Encodable {
    /// The value as the JSON files themescan writes (`run.json`, `partial.json`): pretty-printed, keys sorted so
    /// equal values are equal bytes, slashes unescaped, a final line break.
    func jsonFileText() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // The values written this way hold only strings, numbers, booleans and collections of them, which always
        // encode.
        let data = try! encoder.encode(self)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
