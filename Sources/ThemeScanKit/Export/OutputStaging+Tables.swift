extension OutputStaging {
    /// Writes `table` as `<name>.csv`, a piece at a time (`CSVTableSource.forEachCSVPiece`): a table with a case per
    /// survey row is large.
    public func writeCSV(_ table: some CSVTableSource, named name: String, byteOrderMark: Bool) throws(OutputError) {
        try write(name + ".csv") { emit throws(OutputError) in
            try table.forEachCSVPiece(byteOrderMark: byteOrderMark, emit)
        }
    }

    /// Writes `table` as `<name>.json`, a piece at a time (`CSVTableSource.forEachJSONPiece`): the JSON mirror of a large
    /// table is larger still.
    public func writeJSON(_ table: some CSVTableSource, named name: String) throws(OutputError) {
        try write(name + ".json") { emit throws(OutputError) in try table.forEachJSONPiece(emit) }
    }
}
