/// Matches a codebook against sample documents to show where its terms cut through words.
///
/// Han terms match anywhere (README, matching rule 2), so 管理 also matches inside 个案管理 or 管理员. ICU's word
/// segmentation plays no part in matching, but where a match begins or ends inside one of its words is a hint that
/// the term catches words it was not meant for. Holds ICU handles: one surveyor per task.
public final class TermSurveyor {
    public let matcher: Matcher
    private let normalizer: TextNormalizer
    private let segmenter: WordSegmenter

    public init(matcher: Matcher) throws(TextError) {
        self.matcher = matcher
        normalizer = try TextNormalizer(options: matcher.normalization, traditional: matcher.traditionalCharacters)
        segmenter = try WordSegmenter()
    }

    /// Surveys documents, segment by segment, in normalized form.
    public func survey(_ documents: [Document]) throws(TextError) -> TermSurvey {
        var usages = matcher.terms.indices.map(TermUsage.init(term:))
        var codeMatches = [Int](repeating: 0, count: matcher.codes.count)
        for document in documents {
            for segment in document.segments {
                let normalized = try normalizer.normalize(segment.text.utf16Units)
                let spans = matcher.spans(in: normalized)
                guard !spans.isEmpty else { continue }
                let boundaries = try segmenter.boundaries(in: normalized.units)
                for span in spans {
                    let start = Self.boundary(atOrBefore: span.range.lowerBound, in: boundaries)
                    let end = Self.boundary(atOrAfter: span.range.upperBound, in: boundaries)
                    let cut = start != span.range.lowerBound || end != span.range.upperBound
                    let word = cut ? String(decoding: normalized.units[start..<end], as: UTF16.self) : ""
                    for term in Set(span.credits.map(\.term)) {
                        usages[term].matches += 1
                        if cut {
                            usages[term].cutMatches += 1
                            usages[term].enclosingWords[word, default: 0] += 1
                        }
                    }
                    for credit in span.credits { codeMatches[credit.code] += 1 }
                }
            }
        }
        return TermSurvey(usages: usages, codeMatches: codeMatches, documents: documents.count)
    }

    /// The last boundary at or before `offset`; `boundaries` is sorted and starts with 0.
    private static func boundary(atOrBefore offset: Int, in boundaries: [Int]) -> Int {
        var low = 0
        var high = boundaries.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if boundaries[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return boundaries[low]
    }

    /// The first boundary at or after `offset`; `boundaries` is sorted and ends with the text's length.
    private static func boundary(atOrAfter offset: Int, in boundaries: [Int]) -> Int {
        var low = 0
        var high = boundaries.count - 1
        while low < high {
            let middle = (low + high) / 2
            if boundaries[middle] >= offset { high = middle } else { low = middle + 1 }
        }
        return boundaries[low]
    }
}
