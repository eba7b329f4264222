/// A theme: a named group of codes.
public struct Theme: Sendable, Hashable {
    public var id: String
    public var label: Label
    public var codes: [Code]
    /// The codebook's `description` of the theme, for people; matching ignores it.
    public var descriptionText: String?
    public var location: SourceLocation

    public init(
        id: String, label: Label = Label(), codes: [Code], descriptionText: String? = nil, at location: SourceLocation
    ) {
        self.id = id
        self.label = label
        self.codes = codes
        self.descriptionText = descriptionText
        self.location = location
    }
}
