import Testing

@testable import ThemeScanKit

@Suite struct DocumentMetadataTests {
    /// Dictionaries of every shape the readers make: none, empty values, CJK and emoji, long values, many names.
    static let dictionaries: [[String: String]] = {
        var dictionaries: [[String: String]] = [
            [:], ["id": ""], ["year": "2024", "organization": "向日葵 & <中心>"],
            ["来自IP": "1.2.3.4(北京-北京)", "所用时间": "120秒", "note": "🙂 e\u{301}", "": "unnamed"],
            ["long": String(repeating: "长", count: 5_000), "short": "x"],
        ]
        for size in [1, 2, 17, 64] {
            dictionaries.append(Dictionary(uniqueKeysWithValues: (0..<size).map { index in
                ("\(index)、单选题", index % 3 == 0 ? "" : String(repeating: "同意", count: index % 7))
            }))
        }
        return dictionaries
    }()

    @Test(arguments: dictionaries) func givesBackWhatItWasMadeOf(_ dictionary: [String: String]) {
        let metadata = DocumentMetadata(dictionary)
        #expect(metadata.dictionary == dictionary)
        #expect(metadata.count == dictionary.count)
        #expect(metadata.isEmpty == dictionary.isEmpty)
        #expect(metadata.keys == dictionary.keys.sorted())
        for (name, value) in dictionary { #expect(metadata[name] == value) }
        #expect(metadata["not a name"] == nil)
        #expect(Array(metadata).map(\.key) == dictionary.keys.sorted())
        #expect(Array(metadata).map(\.value) == dictionary.keys.sorted().map { dictionary[$0]! })
    }

    @Test func rowsMadeWithSharedNamesEqualThoseMadeFromDictionaries() {
        let names = DocumentMetadata.Names(["id", "来源", "year"])
        let row = DocumentMetadata(names: names, values: ["7", "2024", "微信"])
        let other = DocumentMetadata(names: names, values: ["8", "2024", "微信"])
        #expect(row.sharesNames(with: other))
        #expect(row == ["id": "7", "year": "2024", "来源": "微信"])
        #expect(row.hashValue == DocumentMetadata(["id": "7", "year": "2024", "来源": "微信"]).hashValue)
        #expect(row != other)
        #expect(row != ["id": "7", "year": "2024"])
        #expect(row != ["id": "7", "year": "2024", "来源": "微信", "extra": ""])
        #expect(DocumentMetadata(names: DocumentMetadata.Names(["a", "b"]), values: ["", ""]) != ["a": "", "c": ""])
    }

    @Test func valuesAtPositionsFoundOnceReadEveryRow() {
        let names = DocumentMetadata.Names(["id", "渠道", "year"])
        let rows = [["1", "2024", "微信"], ["2", "", "链接"]].map { DocumentMetadata(names: names, values: $0) }
        let columns = ["id", "missing", "year", "渠道"]
        let positions = rows[0].positions(of: columns)
        #expect(rows.map { $0.namesIdentity == rows[0].namesIdentity } == [true, true])
        #expect(rows.map { $0.values(at: positions) } == [["1", "", "2024", "微信"], ["2", "", "", "链接"]])
        let other: DocumentMetadata = ["year": "2021"]
        #expect(other.namesIdentity != rows[0].namesIdentity)
        #expect(other.values(at: other.positions(of: columns)) == ["", "", "2021", ""])
    }

    @Test func settingAValueChangesOnlyThatValue() {
        var metadata: DocumentMetadata = ["year": "2021", "organization": "Org"]
        metadata["year"] = "2024"
        metadata["wave"] = "2"
        #expect(metadata == ["year": "2024", "organization": "Org", "wave": "2"])
        metadata["organization"] = nil
        #expect(metadata == ["year": "2024", "wave": "2"])
    }

    @Test func rowsOfOneSurveyTableShareTheirNames() throws {
        let source = DocumentSource(path: "s.csv", id: "s.csv", metadata: ["year": "2024"])
        let csv = "id,渠道,answer\n1,微信,很担心孩子的情绪\n2,,老师说压力太大了\n3,链接,家长不太理解\n"
        let result = try DelimitedTextReader(format: .csv, options: IngestionOptions(textColumns: ["answer"]))
            .read(Array(csv.utf8), from: source)
        let rows = result.documents.map(\.metadata)
        #expect(rows == [
            ["year": "2024", "id": "1", "渠道": "微信"], ["year": "2024", "id": "2", "渠道": ""],
            ["year": "2024", "id": "3", "渠道": "链接"],
        ])
        #expect(rows.dropFirst().allSatisfy { $0.sharesNames(with: rows[0]) })
    }
}
