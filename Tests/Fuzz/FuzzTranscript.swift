// libFuzzer target: plain-text transcripts, captions and subtitles, read as `analyze` reads them (encoding
// detection, then speaker turns), and cut into sentences. The first byte picks the format. Built and run by
// Tests/fuzz.sh.
import ThemeScanKit

// The zh segmenter reads text without full stops itself; zh_Hans has the same rules and always asks ICU's
// iterator, so the two must cut every text alike.
let sentences = try! SentenceSegmenter(locale: "zh")
let icuSentences = try! SentenceSegmenter(locale: "zh_Hans")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTranscript(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let formats: [DocumentFormat] = [.text, .markdown, .webVTT, .subRip]
    let format = formats[Int(data[0]) % formats.count]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let source = DocumentSource(path: "fuzz.txt", id: "fuzz.txt")
    guard let result = try? DocumentLoader().reader(for: format).read(bytes, from: source) else { return 0 }
    // The promise every later stage relies on: a segment is the stretch of the document text at its `start`.
    for document in result.documents {
        precondition(
            (try? sentences.sentences(in: document.text)) == (try? icuSentences.sentences(in: document.text)),
            "sentences differ from ICU's")
        let scalars = Array(document.text.unicodeScalars)
        for segment in document.segments {
            let length = segment.text.unicodeScalars.count
            precondition(segment.start >= 0 && segment.start + length <= scalars.count, "segment outside the text")
            precondition(
                scalars[segment.start..<(segment.start + length)].elementsEqual(segment.text.unicodeScalars),
                "segment text is not the document text at its start")
        }
    }
    return 0
}
