import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// Runs every rule's own examples: the documentation of a rule is also its test.
struct RuleExampleTests {
    static let rules = RuleRegistry.all.map { type(of: $0).description.id }

    /// Each marker gets exactly one finding of the rule, and no finding sits anywhere else.
    @Test(arguments: rules)
    func triggeringExamplesFireAtEveryMarkerAndNowhereElse(ruleID: String) throws {
        let rule = try #require(RuleRegistry.rule(id: ruleID))
        #expect(!rule.description.triggeringExamples.isEmpty, "every rule needs a triggering example")
        for example in rule.description.triggeringExamples {
            let marked = MarkedText(example)
            #expect(!marked.markers.isEmpty, "example of \(ruleID) lacks a ↓ marker:\n\(example)")
            let found = Self.checker(for: rule).check(parse(marked.text)).filter { $0.ruleID == ruleID }
            #expect(found.map(\.location).sorted() == marked.markers.sorted(),
                    "\(ruleID) should fire exactly at \(marked.markers) in:\n\(marked.text)\nfound: \(found.map { "\($0.location) \($0.message)" })")
        }
    }

    /// Silent, and silent for the right reason: the parts the rule reads were extracted.
    @Test(arguments: rules)
    func nonTriggeringExamplesStaySilentOnRealInput(ruleID: String) throws {
        let rule = try #require(RuleRegistry.rule(id: ruleID))
        #expect(!rule.description.nonTriggeringExamples.isEmpty, "every rule needs a non-triggering example")
        #expect(!rule.description.reads.isEmpty, "\(ruleID) must say what it reads")
        for example in rule.description.nonTriggeringExamples {
            let guide = parse(example)
            for facet in rule.description.reads {
                #expect(facet.isPresent(in: guide), "\(ruleID): nothing of '\(facet)' was extracted from:\n\(example)")
            }
            let found = Self.checker(for: rule).check(guide).filter { $0.ruleID == ruleID }
            #expect(found.isEmpty, "\(ruleID) fired on:\n\(example)\n\(found.map(\.message))")
        }
    }

    /// A rule that offers fixes shows them, and each one is applied by the real fixer: the
    /// marked finding goes, `after` is exactly what is written, and nothing new appears.
    @Test(arguments: rules)
    func fixExamplesProduceExactlyTheAfterText(ruleID: String) throws {
        let rule = try #require(RuleRegistry.rule(id: ruleID))
        let offersFixes = rule.description.triggeringExamples.contains { example in
            Self.checker(for: rule).check(parse(MarkedText(example).text)).contains { $0.ruleID == ruleID && $0.fix != nil }
        }
        if offersFixes {
            #expect(!rule.description.fixExamples.isEmpty, "\(ruleID) offers fixes but shows no fix example")
        }
        for example in rule.description.fixExamples {
            let before = MarkedText(example.before)
            let found = Checker().check(parse(before.text)).filter { $0.ruleID == ruleID }
            #expect(found.map(\.location) == before.markers, "\(ruleID): \(found.map { "\($0.location) \($0.message)" })")
            #expect(found.allSatisfy { $0.fix != nil }, "\(ruleID): the finding has no fix")
            let outcome = try Fixer().fix(path: "test.md", text: before.text)
            #expect(outcome.fixed == example.after, "\(ruleID) fixed to:\n\(outcome.fixed)")
            #expect(!Checker().check(parse(outcome.fixed)).contains { $0.ruleID == ruleID })
        }
    }

    /// The rule alone, or with every rule when its examples need the others' results.
    static func checker(for rule: any GuideRule) -> Checker {
        Checker(rules: rule.description.examplesNeedAllRules ? RuleRegistry.all : [rule])
    }

    @Test func ruleIDsAreUniqueAndDocumented() {
        #expect(Set(Self.rules).count == Self.rules.count)
        for rule in RuleRegistry.all {
            #expect(!rule.description.summary.isEmpty)
            #expect(rule.description.explanation.count > 80)
        }
    }

    /// A checker that extracts nothing passes no non-triggering example: the facet check is
    /// what makes "silent" mean something.
    @Test func anEmptyExtractionFailsTheFacetCheck() {
        let empty = parse("")
        for rule in RuleRegistry.all {
            #expect(!rule.description.reads.contains { $0.isPresent(in: empty) })
        }
    }
}
