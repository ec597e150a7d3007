import GuideDocument
import GuideKnowledge

/// `app-variant-mismatch`: when a guide gives the application's configuration more than
/// once (a `.env` file, the same variables in a compose file, a configuration file, GUI
/// steps), the variants agree.
struct AppVariantMismatchRule: GuideRule {
    static let description = RuleDescription(
        id: "app-variant-mismatch",
        kind: .crossCheck,
        severity: .error,
        summary: "Two variants of the application's configuration (.env, compose, configuration file, GUI) disagree on a setting's name or value.",
        explanation: """
            Many guides give the same configuration in several forms and let the reader pick \
            one: environment variables as a `.env` file and again in a compose file, a \
            configuration file, the steps of a web GUI. A reader follows exactly one of them, \
            so each must work on its own: when the compose variant writes \
            `OAUTH2_SCOPE` and the `.env` variant `OAUTH2_SCOPES`, one of the two names is not \
            a variable the application reads, and readers of that variant silently get the \
            application's default; when one variant requests `openid profile email groups` and \
            the other `openid profile email`, readers of the second get no groups. Variants \
            that write the same names (environment variables in two formats) must set the \
            same names to the same values, and variants in different formats must request the \
            same scopes (compared as sets: order, commas and spaces do not matter). Client \
            ids, secrets and URLs are compared with the guide's assumptions and its client by \
            their own rules, so a variant that differs there is reported once, by them. A name \
            set by one environment variant only, with no similar name in the other, is a \
            warning (it may be deliberate).
            """,
        reads: [.settings, .codeBlocks],
        basis: [
            RuleBasis(.guideConsistency, "the .env, compose and configuration-file variants of the same settings"),
            RuleBasis(.specification, "Docker Compose env-file syntax (docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/#env-file-syntax): one variable, one name"),
        ],
        triggeringExamples: [
            """
            ### Application
            ```shell {title=".env"}
            OAUTH2_CLIENT_ID=app
            OAUTH2_USERNAME_CLAIM=preferred_username
            OAUTH2_SCOPES=openid profile email groups
            ```

            ```yaml {title="compose.yml"}
            services:
              app:
                environment:
                  OAUTH2_CLIENT_ID: 'app'
                  OAUTH2_USERNAME_CLAIM: 'preferred_username'
                  ↓OAUTH2_SCOPE: 'openid profile email groups'
            ```
            """,
            """
            ### Application
            ```shell {title=".env"}
            OAUTH2_CLIENT_ID=app
            OAUTH2_SCOPES=openid profile email groups
            ```

            ```yaml {title="compose.yml"}
            services:
              app:
                environment:
                  OAUTH2_CLIENT_ID: 'app'
                  OAUTH2_SCOPES: '↓openid profile email'
            ```
            """,
            """
            ### Application
            ```json
            {"oidc": {"client_id": "app", "scopes": "openid profile groups"}}
            ```

            ```shell {title=".env"}
            APP_OIDC_CLIENT_ID=app
            APP_OIDC_SCOPES=↓openid profile
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ### Application
            ```shell {title=".env"}
            OAUTH2_CLIENT_ID=app
            OAUTH2_SCOPES=openid profile email groups
            OAUTH2_DISCOVERY_URL=https://auth.example.com
            ```

            ```yaml {title="compose.yml"}
            services:
              app:
                environment:
                  OAUTH2_CLIENT_ID: 'app'
                  OAUTH2_SCOPES: 'openid,profile,email,groups'
                  OAUTH2_DISCOVERY_URL: 'https://auth.example.com/.well-known/openid-configuration'
            ```
            """,
            """
            ### Application
            ```json
            {"oidc": {"client_id": "app", "scopes": "openid profile groups"}}
            ```

            ```shell {title=".env"}
            APP_OIDC_CLIENT_ID=app
            APP_OIDC_SCOPES=openid groups profile
            ```
            """,
        ])

    /// The settings of one code block of the application section: one variant.
    struct Variant {
        let block: CodeBlock
        let settings: [AppSetting]
        /// The names it sets (asked for in every comparison, so worked out once).
        let keys: Set<String>

        init(block: CodeBlock, settings: [AppSetting]) {
            self.block = block
            self.settings = settings
            keys = Set(settings.map(\.key.value))
        }

        /// Whether the block names `key` as a whole word: a variable set to nothing
        /// (`ROLE_ATTRIBUTE_PATH=`) is no setting, but it is not missing either.
        func mentions(_ key: String) -> Bool {
            let text = block.content.unicodeScalars
            let isNamePart: (Unicode.Scalar) -> Bool = { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
            var from = block.content.startIndex
            while let found = block.content[from...].literalRange(of: key) {
                let before = found.lowerBound > block.content.startIndex ? text[text.index(before: found.lowerBound)] : nil
                let after = found.upperBound < block.content.endIndex ? text[found.upperBound] : nil
                if !(before.map(isNamePart) ?? false), !(after.map(isNamePart) ?? false) { return true }
                from = found.upperBound
            }
            return false
        }

        /// Every name an environment variable (`OIDC_CLIENT_ID`): upper case, digits, `_`.
        var isEnvironment: Bool {
            // Settings written inside a variable's value (JSON) keep their own names.
            settings.allSatisfy { setting in
                guard setting.container == nil else { return true }
                let key = setting.key.value.unicodeScalars
                return key.first.map { ("A"..."Z").contains($0) } == true
                    && key.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
            }
        }
        /// How messages name the variant: its title (`.env`, `compose.yml`) or its line.
        var name: String {
            if let title = block.title { return "the \(title) variant (line \(block.location.line))" }
            return "the variant at line \(block.location.line)"
        }
    }

    func check(_ context: CheckContext) -> [Finding] {
        let guide = context.guide
        var byBlock: [Int: [AppSetting]] = [:]
        for setting in guide.settings {
            guard case .configLine(let block) = setting.origin, guide.codeBlocks.indices.contains(block),
                  guide.codeBlocks[block].inApplicationSection,
                  !TemplateSyntax.isTemplated(setting.value.value) else { continue }
            byBlock[block, default: []].append(setting)
        }
        let variants = byBlock.keys.sorted().map { Variant(block: guide.codeBlocks[$0], settings: byBlock[$0]!) }
            .filter { $0.settings.count >= 2 }
        var findings: [Finding] = []
        var reported = Set<String>()
        for (laterIndex, later) in variants.enumerated() {
            for earlier in variants[..<laterIndex] {
                let shared = earlier.keys.intersection(later.keys)
                // One set of environment variables written twice (`.env` and compose): the
                // names themselves must agree. Other formats (nested YAML, JSON, INI) are
                // compared by meaning only: their leaf names repeat and mean different things.
                let sameNames = earlier.isEnvironment && later.isEnvironment
                    && shared.count >= 2 && shared.count * 2 >= min(earlier.keys.count, later.keys.count)
                for finding in sameNames ? sameNameDifferences(earlier, later, context)
                                         : meaningDifferences(earlier, later, context)
                where reported.insert("\(finding.location.line):\(finding.location.column)").inserted {
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    /// Two variants that write the same names (one set of environment variables, two formats).
    private func sameNameDifferences(_ earlier: Variant, _ later: Variant, _ context: CheckContext) -> [Finding] {
        let guide = context.guide
        var findings: [Finding] = []
        let earlierByKey = Dictionary(earlier.settings.map { ($0.key.value, $0) }, uniquingKeysWith: { first, _ in first })
        let onlyEarlier = earlier.keys.subtracting(later.keys)
        for setting in later.settings {
            let key = setting.key.value
            if let other = earlierByKey[key] {
                let meaning = context.meaning(of: setting)
                guard !Self.checkedElsewhere(meaning),
                      !Self.sameValue(other.value.value, setting.value.value, meaning: meaning) else { continue }
                findings.append(finding(guide, at: setting.value,
                                        "\(key) is '\(setting.value.value)' here but '\(other.value.value)' in \(earlier.name): readers of the two variants get different setups",
                                        help: "make both variants set the same value", subject: "\(key) value"))
            } else if let partner = onlyEarlier.sorted().min(by: { Suggestion.editDistance($0, key) < Suggestion.editDistance($1, key) }),
                      Self.similarNames(partner, key) {
                findings.append(finding(guide, at: setting.key,
                                        "'\(key)' here but '\(partner)' in \(earlier.name): the application reads one of these names, so readers of the other variant lose the setting",
                                        help: "use the name the application documents in both variants", subject: "\(key) name"))
            } else if !earlier.mentions(key) {
                findings.append(onlyIn(setting, not: earlier, guide))
            }
        }
        for key in onlyEarlier.sorted() where !later.keys.contains(where: { Self.similarNames(key, $0) }) && !later.mentions(key) {
            guard let setting = earlierByKey[key] else { continue }
            findings.append(onlyIn(setting, not: later, guide))
        }
        return findings
    }

    /// A variable one variant sets and the other does not (a warning: it may be optional).
    private func onlyIn(_ setting: AppSetting, not other: Variant, _ guide: Guide) -> Finding {
        let key = setting.key.value
        return finding(guide, at: setting.key,
                       "\(key) is set here but not in \(other.name), which otherwise sets the same variables",
                       help: "set it in both variants, or in neither", severity: .warning, subject: "\(key) only here")
    }

    /// Two variants in different formats: settings GuideKit knows the meaning of must agree.
    private func meaningDifferences(_ earlier: Variant, _ later: Variant, _ context: CheckContext) -> [Finding] {
        func single(_ variant: Variant, _ meaning: SettingMeaning) -> AppSetting? {
            let matching = variant.settings.filter { context.meaning(of: $0) == meaning }
            return matching.count == 1 ? matching[0] : nil
        }
        var findings: [Finding] = []
        for meaning in Self.comparedMeanings {
            guard let mine = single(later, meaning), let theirs = single(earlier, meaning),
                  !Self.sameValue(theirs.value.value, mine.value.value, meaning: meaning) else { continue }
            findings.append(finding(context.guide, at: mine.value,
                                    "\(mine.key.value) is '\(mine.value.value)' here but \(theirs.key.value) is '\(theirs.value.value)' in \(earlier.name): readers of the two variants get different setups",
                                    help: "make both variants say the same", subject: "\(meaning) value"))
        }
        return findings
    }

    /// Meanings whose values must agree across formats. Claims are left out because one
    /// variant may map several.
    static let comparedMeanings: [SettingMeaning] = [.scopes, .additionalScopes]

    /// Values other rules already compare with the guide's assumptions or its client (client
    /// id and secret, realm, every URL): a variant that differs is reported there, once.
    static func checkedElsewhere(_ meaning: SettingMeaning?) -> Bool {
        switch meaning {
        case .clientID?, .clientSecret?, .clientIDOrSecret?, .realm?, .issuerURL?, .discoveryURL?, .endpoint?,
             .redirectURI?, .appBaseURL?: true
        default: false
        }
    }

    /// Equal after the normalisations formats differ by: quotes and spaces; scope lists
    /// compared as sets; URLs up to trailing slashes and the case of scheme and host.
    static func sameValue(_ a: String, _ b: String, meaning: SettingMeaning?) -> Bool {
        let a = ConfigLineReader.unquoted(a), b = ConfigLineReader.unquoted(b)
        if a == b { return true }
        switch meaning {
        case .scopes?, .additionalScopes?:
            return Set(ScopeList.split(a)) == Set(ScopeList.split(b))
        default:
            guard let urlA = WebURL(a), let urlB = WebURL(b) else { return false }
            return urlA.isEquivalent(to: urlB)
        }
    }

    /// Names one edit apart in spirit: a plural, a word added or dropped (`INFO_URL`,
    /// `USER_INFO_URL`), or a small typo.
    static func similarNames(_ a: String, _ b: String) -> Bool {
        let upperA = a.uppercased(), upperB = b.uppercased()
        if upperA + "S" == upperB || upperB + "S" == upperA { return true }
        let wordsA = upperA.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." })
        let wordsB = upperB.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." })
        if wordsA.last == wordsB.last, abs(wordsA.count - wordsB.count) == 1,
           Set(wordsA).symmetricDifference(Set(wordsB)).count == 1 { return true }
        return Suggestion.editDistance(upperA, upperB) <= 2 && min(a.count, b.count) > 4
    }
}
