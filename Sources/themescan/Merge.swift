import ArgumentParser
import Foundation
import ThemeScanKit

struct Merge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine the partial results of `analyze --shard I/N` runs into the outputs of one run.",
        discussion: """
            Give the output folders of all N shards, in any order. The merged folder holds the same files, byte for \
            byte, as one `analyze` run over all the inputs with the same options.
            """
    )

    @Argument(help: ArgumentHelp("The output folders of the shards.", valueName: "partial-dir"))
    var partials: [String]

    @Option(name: .customLong("out"), help: ArgumentHelp("The folder to write the merged results into.", valueName: "dir"))
    var output: String

    @Flag(help: "Write into an output folder that holds other files too; they are left alone.")
    var force = false

    func validate() throws {
        guard !partials.isEmpty else { throw ValidationError("give the output folders of the shards to merge") }
        let target = URL(fileURLWithPath: output).standardizedFileURL.path
        if let same = partials.first(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == target }) {
            throw ValidationError("--out \(output) is one of the shards (\(same)); write the merged results elsewhere")
        }
    }

    func run() async throws {
        let reporter = DiagnosticReporter()
        // Ready before any staging folder exists, so no interrupt can leave one behind.
        let interrupts = InterruptHandler()
        do {
            let results = try PartialResult.read(folders: partials)
            let shards = try MergedRun.checked(results)
            // Guarded before the folder exists: a signal the moment it appears must find it to remove.
            defer { interrupts.release() }
            let staging = try OutputDirectory(path: output, ownedNames: RunOutputs.fileNames, force: force)
                .begin(announcing: interrupts.guardStaging)
            let documentCount: Int
            do {
                // Documents and cases are set aside in the staging folder as a single run sets them aside.
                let merged = try MergedRun(
                    shards: shards, setAsideFolder: staging.folder, matchesPath: staging.path(for: "matches.csv"))
                documentCount = merged.documents.count
                let provenances = try partials.map { folder throws(RunFolderError) in try RunProvenance.read(folder: folder) }
                let diagnostics = provenances.flatMap(\.diagnostics)
                let outputs = try RunOutputs(tables: merged.tables, facts: merged.facts, warnings: diagnostics)
                try await outputs.write(to: staging)
                if let groups = merged.groups {
                    let comparison = try ComparisonOutputs.groups(groups, codebook: merged.codebook, options: merged.options)
                    try comparison.outputs?.write(to: staging)
                }
                if let provenance = RunProvenance.merging(
                    provenances, commandLine: CommandLine.arguments, cases: outputs.cases.count, finished: Date())
                {
                    try staging.write(RunProvenance.fileName, contents: provenance.encoded())
                }
                try interrupts.commit(staging)
            } catch TextError.setAsideUnwritten(_, let reason) {
                staging.discard()
                // The set-aside documents and cases lived in the staging folder, gone now: the output folder is named.
                throw OutputError.writeFailed(path: output, reason: reason)
            } catch {
                staging.discard()
                throw error
            }
            reporter.note(
                "merged \(results.count) shard(s): \(documentCount) document(s); results written to \(output)")
        } catch {
            throw reporter.fatal(error)
        }
    }
}
