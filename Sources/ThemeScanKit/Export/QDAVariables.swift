/// The metadata columns of a run as REFI-QDA variables, split into case and document variables.
///
/// A column is a case variable when, in every case, all documents give it the same value (or none); otherwise it
/// belongs to each document. Its type is `Integer` when every value is a plain integer (`2024`, `-3`, no
/// leading zeros, so nothing like `007` loses a digit), else `Text`.
struct QDAVariables {
    struct Variable {
        var name: String
        var isInteger: Bool
        var guid: QDAGUID { QDAProjectWriter.guid(ofVariable: name) }
    }

    /// Variables constant within each case, by name.
    var caseLevel: [Variable] = []
    /// Variables that differ between documents of one case, by name.
    var documentLevel: [Variable] = []

    init(documents: [Document]) {
        var values: [String: [String]] = [:]
        var valuesPerCase: [String: [String: Set<String>]] = [:]
        for document in documents {
            for (name, value) in document.metadata where !value.isEmpty {
                values[name, default: []].append(value)
            }
        }
        for name in values.keys {
            for document in documents {
                valuesPerCase[name, default: [:]][document.caseID, default: []].insert(document.metadata[name] ?? "")
            }
        }
        for name in values.keys.sorted() {
            let variable = Variable(name: name, isInteger: values[name]!.allSatisfy(Self.isPlainInteger))
            let perCase = valuesPerCase[name]!.values
            if perCase.allSatisfy({ $0.count == 1 }) {
                caseLevel.append(variable)
            } else {
                documentLevel.append(variable)
            }
        }
    }

    /// Writes `<Variables>` when there is any.
    func writeDeclarations(into writer: XMLWriter) {
        let all = (caseLevel + documentLevel).sorted { $0.name < $1.name }
        guard !all.isEmpty else { return }
        writer.startElement("Variables")
        for variable in all {
            writer.startElement("Variable")
            writer.attribute("guid", variable.guid.description)
            writer.attribute("name", variable.name)
            writer.attribute("typeOfVariable", variable.isInteger ? "Integer" : "Text")
            writer.endElement()
        }
        writer.endElement()
    }

    /// Writes one `<VariableValue>`.
    func writeValue(_ value: String, of variable: Variable, into writer: XMLWriter) {
        writer.startElement("VariableValue")
        writer.startElement("VariableRef")
        writer.attribute("targetGUID", variable.guid.description)
        writer.endElement()
        writer.element(variable.isInteger ? "IntegerValue" : "TextValue", text: value)
        writer.endElement()
    }

    static func isPlainInteger(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard let first = digits.first, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return first != "0" || digits.count == 1
    }
}
