import GuideDocument
import GuideKnowledge

/// The parts of a guide a rule reads. Each non-triggering example must have every part its
/// rule reads, so an example cannot pass only because nothing was extracted from it.
public enum GuideFacet: String, Sendable, CaseIterable {
    case assumptions, clients, settings, codeBlocks, suppressions, headings, text

    /// Whether `guide` has this part.
    public func isPresent(in guide: Guide) -> Bool {
        switch self {
        case .assumptions: !guide.assumptions.isEmpty
        case .clients: !guide.clients.isEmpty
        case .settings: !guide.settings.isEmpty
        case .codeBlocks: !guide.codeBlocks.isEmpty
        case .suppressions: !guide.suppressions.isEmpty || !guide.unknownDirectives.isEmpty
        case .headings: !guide.headings.isEmpty
        case .text: !guide.source.originalText.isEmpty
        }
    }
}

/// A fix the rule offers, shown and tested on a small guide: `before` (with `↓` where the
/// finding points) becomes exactly `after` under `guidekit fix`.
public struct FixExample: Sendable {
    public var before: String
    public var after: String

    public init(_ before: String, _ after: String) {
        self.before = before
        self.after = after
    }
}

extension FixExample {
    /// A fix of one application step in a small complete guide (assumptions for
    /// `app.example.com` and `auth.example.com`, client `app` with one redirect URI): the
    /// guide around the step is the same for every rule about application settings.
    public static func applicationStep(_ before: String, _ after: String) -> FixExample {
        FixExample(guideWithApplicationStep(before), guideWithApplicationStep(after))
    }

    static func guideWithApplicationStep(_ step: String) -> String {
        """
        ### Assumptions
        - Application Root URL: `https://app.example.com/`
        - Authelia Root URL: `https://auth.example.com/`
        - Client ID: `app`

        ```yaml {guide="authelia-client"}
        - client_id: 'app'
          redirect_uris: ['https://app.example.com/cb']
        ```

        ### Application

        \(step)

        """
    }
}

/// What a rule checks, declared by each rule; code that needs a group of rules asks for a
/// kind, never for an id prefix. `guidekit rules` lists rules by kind.
public enum RuleKind: String, Sendable, CaseIterable, Comparable {
    /// The Markdown and YAML a guide is made of (fences, front matter, YAML syntax, URLs).
    case syntax
    /// The guide's stated assumptions.
    case assumptions
    /// The application's side against the Authelia client and the assumptions.
    case crossCheck = "cross-check"
    /// Authelia's configuration around the clients (keys under identity_providers).
    case configuration
    /// An Authelia client, checked as Authelia's validator checks it.
    case client
    /// What an application or library profile knows the application does.
    case profile
    /// Guides written with site variables (upstream `sitevar` shortcodes).
    case template
    /// Docker Compose snippets, checked against the Compose Specification's schema.
    case compose
    /// GuideKit's own inline suppression comments.
    case suppression

    public static func < (lhs: RuleKind, rhs: RuleKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Rules whose verdict is what Authelia itself does: they must cite Authelia's source.
    public var isAboutAuthelia: Bool { self == .client || self == .configuration }
}

/// When a rule runs. Most rules read the guide alone; a rule about suppressions needs every
/// other rule's findings and which suppressions they used.
public enum RuleStage: Sendable {
    case perGuide
    /// After the other rules and suppression matching: `GuideRule.checkAfterSuppressions`.
    case afterSuppressions
}

/// What a rule is, for `guidekit rules`, `guidekit explain` and the tests.
///
/// Examples are complete small guides. In a triggering example, each `↓` marks a place where
/// the rule must report a finding, and it must report nothing anywhere else (the markers are
/// removed before checking). Non-triggering examples must give no finding of the rule, and
/// must hold every part the rule `reads`. Fix examples are applied by the real fixer.
public struct RuleDescription: Sendable {
    public var id: String
    public var kind: RuleKind
    public var stage: RuleStage = .perGuide
    public var severity: Severity
    /// One line, shown by `guidekit rules`.
    public var summary: String
    /// Why the rule exists and how to fix what it reports.
    public var explanation: String
    public var triggeringExamples: [String]
    public var nonTriggeringExamples: [String]
    /// What the rule looks at (checked on the non-triggering examples).
    public var reads: Set<GuideFacet>
    /// Before → after, for rules whose findings carry a certain fix.
    public var fixExamples: [FixExample]
    /// The examples need the other rules to run too (rules about suppressions).
    public var examplesNeedAllRules = false
    /// What the verdict rests on: the validator function it mirrors, the application's
    /// documentation, a specification, or the guide's own consistency (RuleBasis).
    public var basis: [RuleBasis]
    /// The pages the rule applies to (PageClass): rules about a guide's completeness apply
    /// to integration guides only, not to reference pages that show partial snippets.
    public var pages: Set<PageClass>

    public init(id: String, kind: RuleKind, stage: RuleStage = .perGuide, severity: Severity, summary: String, explanation: String,
                reads: Set<GuideFacet>, basis: [RuleBasis], pages: Set<PageClass> = Set(PageClass.allCases),
                triggeringExamples: [String], nonTriggeringExamples: [String], fixExamples: [FixExample] = [],
                examplesNeedAllRules: Bool = false) {
        self.basis = basis
        self.pages = pages
        self.id = id
        self.kind = kind
        self.stage = stage
        self.severity = severity
        self.summary = summary
        self.explanation = explanation
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
        self.reads = reads
        self.fixExamples = fixExamples
        self.examplesNeedAllRules = examplesNeedAllRules
    }
}

/// One check over one guide. Each rule lives in its own file under `Rules/`.
public protocol GuideRule: Sendable {
    static var description: RuleDescription { get }
    func check(_ context: CheckContext) -> [Finding]
    /// Rules of stage `.afterSuppressions` only: findings from the suppressions the other
    /// rules' findings used (`used`: indices into `Guide.suppressions`).
    func checkAfterSuppressions(_ context: CheckContext, used: Set<Int>) -> [Finding]
}

extension GuideRule {
    public var description: RuleDescription { Self.description }

    public func checkAfterSuppressions(_ context: CheckContext, used: Set<Int>) -> [Finding] { [] }

    /// A finding of this rule at a located value. `subject` is what the finding is about
    /// (default: the text under it), for baselines and SARIF fingerprints.
    func finding<T>(_ guide: Guide, at located: Located<T>, _ message: String, help: String? = nil,
                    severity: Severity? = nil, subject: String? = nil) -> Finding {
        finding(guide, at: located.location, length: located.length, message, help: help, severity: severity, subject: subject)
    }

    func finding(_ guide: Guide, at node: YAMLNode, _ message: String, help: String? = nil,
                 severity: Severity? = nil, subject: String? = nil) -> Finding {
        finding(guide, at: node.location, length: node.length, message, help: help, severity: severity, subject: subject)
    }

    func finding(_ guide: Guide, at location: SourceLocation, length: Int = 1, _ message: String,
                 help: String? = nil, severity: Severity? = nil, subject: String? = nil) -> Finding {
        Finding(path: guide.path, location: location, length: length, severity: severity ?? Self.description.severity,
                ruleID: Self.description.id, message: message, help: help,
                subject: subject ?? Fingerprint.defaultSubject(in: guide, at: location, length: length))
    }
}

extension GuideRule {
    /// A fix replacing a scalar's content (inside its quotes) — `nil` on lines with
    /// shortcodes, which a fix must not flatten.
    func replacing(_ guide: Guide, _ node: YAMLNode, with text: String, _ description: String) -> Fix? {
        guard !guide.source.hasShortcodes(line: node.location.line), node.style != .literal, node.style != .folded else { return nil }
        let content = node.content
        let edit = TextEdit(line: content.location.line, column: content.location.column, length: content.length, replacement: text)
        return Fix(description, edits: [edit])
    }

    /// A fix replacing a located value (or `length` scalars of it from `offset`).
    func replacing(_ guide: Guide, _ value: Located<String>, offset: Int = 0, length: Int? = nil, with text: String,
                   _ description: String) -> Fix? {
        guard !guide.source.hasShortcodes(line: value.location.line) else { return nil }
        let edit = TextEdit(line: value.location.line, column: value.location.column + offset,
                            length: length ?? value.length, replacement: text)
        return Fix(description, edits: [edit])
    }
}

extension Finding {
    func with(_ fix: Fix?) -> Finding {
        var copy = self
        copy.fix = fix
        return copy
    }
}
