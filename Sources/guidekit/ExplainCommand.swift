import ArgumentParser
import GuideChecks
import GuideDocument
import GuideKnowledge
import GuideRender
import GuideReports

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain one rule: why it exists, how to fix it, and examples.",
        discussion: "Example: guidekit explain client-id-mismatch"
    )

    @Argument(help: "The rule id, as shown in brackets after a finding.")
    var rule: String

    func run() throws {
        guard let found = RuleRegistry.rule(id: rule) else {
            let ids = RuleRegistry.all.map { $0.description.id }
            let hint = Suggestion.closest(to: rule, in: ids).map { " Did you mean '\($0)'?" } ?? ""
            throw ValidationError("unknown rule '\(rule)'.\(hint) 'guidekit rules' lists them all.")
        }
        let description = found.description
        Console.print("\(description.id) (\(description.severity.rawValue)): \(description.summary)\n")
        Console.print(description.explanation + "\n")
        Console.print("Based on:")
        for basis in description.basis { Console.print("  - " + basis.line) }
        Console.print()
        for (title, examples) in [("Triggers on", description.triggeringExamples),
                                  ("Does not trigger on", description.nonTriggeringExamples)] {
            Console.print("\(title):\n")
            for example in examples {
                Console.print(example.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { "    " + $0 }.joined(separator: "\n") + "\n")
            }
        }
    }
}
