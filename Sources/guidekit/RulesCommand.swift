import ArgumentParser
import Foundation
import GuideChecks
import GuideDocument
import GuideKnowledge
import GuideRender
import GuideReports

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule with its severity and summary.",
        discussion: """
            Use 'guidekit explain RULE' for the full explanation and examples.
            '--markdown docs/rules' writes one page per rule (the pages SARIF's helpUri links to)
            and an index, README.md.
            """
    )

    @Option(help: ArgumentHelp("Write one Markdown page per rule, and README.md, into this folder.", valueName: "dir"))
    var markdown: String?

    func run() throws {
        if let markdown {
            let rules = RuleRegistry.all.map(\.description)
            var files = rules.map { ("\($0.id).md", RulePage.markdown(for: $0)) }
            files.append(("README.md", RulePage.index(rules)))
            do {
                try FileManager.default.createDirectory(atPath: markdown, withIntermediateDirectories: true)
            } catch {
                throw InputFailure("\(markdown): cannot create the folder (\(PrivateFiles.reason()))")
            }
            for (name, text) in files {
                try PrivateFiles.write(text, to: markdown + "/" + name, mode: 0o644)
            }
            Console.print("wrote \(files.count) pages to \(markdown)")
            return
        }
        let width = RuleRegistry.all.map { $0.description.id.count }.max() ?? 0
        for rule in RuleRegistry.all {
            let description = rule.description
            let id = description.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let severity = description.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            Console.print("\(id)  \(severity)  \(description.summary)")
        }
    }
}
