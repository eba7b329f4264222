extension IngestionOptions {
    /// These options with a file's own settings in place of the run's.
    public func applying(_ settings: SourceSettings) -> IngestionOptions {
        var options = self
        if let caseColumn = settings.caseColumn { options.caseColumn = caseColumn }
        if let textColumns = settings.textColumns { options.textColumns = textColumns }
        if let sheet = settings.sheet { options.sheet = sheet }
        if let encoding = settings.encoding { options.encoding = encoding }
        return options
    }
}
