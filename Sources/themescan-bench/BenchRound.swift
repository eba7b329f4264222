/// One round of the end-to-end measurements, each made once, one right after the other: the raw ICU loop and
/// `themescan analyze` on one and on all threads over the corpus, then the raw ICU loop and one thread over the
/// Han run.
struct BenchRound {
    var icu: (seconds: Double, tokens: Int)
    var single: ChildProcess.Outcome
    var parallel: ChildProcess.Outcome
    var hanICU: (seconds: Double, tokens: Int)
    var han: ChildProcess.Outcome
    /// jieba on its sample, when it runs: measured in every round like the rest, so its ratios are medians of
    /// ratios within rounds too. Measured once per bench, a slow or fast moment of the machine moved them by a fifth.
    var jieba: JiebaBaseline.Outcome?

    /// The median of `values`; the upper one of the middle two for an even count.
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
