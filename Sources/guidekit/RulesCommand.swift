import ArgumentParser
import GuideKit

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule with its severity and summary.",
        discussion: "Use 'guidekit explain RULE' for the full explanation and examples."
    )

    func run() {
        let width = RuleRegistry.all.map { $0.description.id.count }.max() ?? 0
        for rule in RuleRegistry.all {
            let description = rule.description
            let id = description.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let severity = description.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            print("\(id)  \(severity)  \(description.summary)")
        }
    }
}
