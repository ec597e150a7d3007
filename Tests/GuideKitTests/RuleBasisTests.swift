import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// Every rule says what its verdict rests on (RuleBasis): a claim about what Authelia does
/// needs Authelia as its source, named down to the validator function where there is one.
struct RuleBasisTests {
    @Test func everyRuleStatesItsBasis() {
        for rule in RuleRegistry.all.map(\.description) {
            #expect(!rule.basis.isEmpty, "\(rule.id) states no basis")
            for basis in rule.basis {
                #expect(basis.citation.count >= 20, "\(rule.id): basis '\(basis.citation)' is too short to be checked")
            }
        }
    }

    /// A rule about the Authelia client or its configuration (kinds `client`, `configuration`), or one whose text says what
    /// Authelia does, cites Authelia: its validator or its request-time behaviour.
    @Test func rulesAboutAutheliaCiteAuthelia() throws {
        let claim = try Regex(#"Authelia (refuses|warns|accepts|rejects|issues|only|answers|stops|does not|must)"#)
        for rule in RuleRegistry.all.map(\.description) {
            let aboutAuthelia = rule.kind.isAboutAuthelia
                || (rule.summary + " " + rule.explanation).contains(claim)
            guard aboutAuthelia else { continue }
            #expect(rule.basis.contains { $0.kind == .autheliaValidator || $0.kind == .autheliaRequest },
                    "\(rule.id) says what Authelia does but cites no Authelia source")
        }
    }

    /// Validator citations name the Go function and its file, so a reader can open it.
    @Test func validatorCitationsNameAFunctionAndFile() throws {
        let function = try Regex(#"`[a-zA-Z]+` in internal/configuration/validator/[a-z_]+\.go"#)
        let file = try Regex(#"internal/configuration/[a-z_/]+\.go"#)
        for rule in RuleRegistry.all.map(\.description) {
            for basis in rule.basis where basis.kind == .autheliaValidator {
                #expect(basis.citation.contains(function) || basis.citation.contains(file),
                        "\(rule.id): '\(basis.citation)' names no validator function or configuration file")
            }
        }
    }

    @Test func explainAndRulePagesShowTheBasis() {
        let rule = ClientAuthMethodRule.description
        let page = RulePage.markdown(for: rule)
        #expect(page.contains("**Based on:**"))
        #expect(page.contains("validateOIDCClientTokenEndpointAuth"))
    }
}
