/// How text is prepared for matching; two runs compare only when these agree.
public struct NormalizationOptions: Sendable, Hashable {
    /// Convert Traditional Chinese to Simplified before matching.
    public var simplifyChinese: Bool

    public init(simplifyChinese: Bool = true) {
        self.simplifyChinese = simplifyChinese
    }
}
