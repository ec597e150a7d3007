import Foundation
import SecretDigests
import GuideDocument
import GuideKnowledge

/// Runs the rules over guides. Pure apart from the clock: text in, findings out; reading files
/// is the caller's job.
public struct Checker: Sendable {
    public var rules: [any GuideRule]
    /// Overrides each guide's `authelia_version`; `nil` uses the guide's or the newest known.
    public var version: AutheliaVersion?
    /// Application profiles to match guides against (the bundled ones by default; the
    /// command-line tool loads them explicitly so a broken profile is reported).
    public var profiles: [ApplicationProfile]
    /// Estimated seconds of digest work one run may spend (the fuzz targets lower it so one
    /// input never costs more than a fraction of a second).
    public var digestBudgetSeconds: Double {
        get { digestBudget.total }
        set { digestBudget = DigestBudget(seconds: newValue) }
    }
    /// The run's digest budget, shared by the copies of this checker (every batch of a run).
    public var digestBudget = DigestBudget(seconds: VerificationPool.budgetSeconds)
    /// Rule id → the severity its findings get instead of the rule's own (`.guidekit.yml`).
    public var severityOverrides: [String: Severity] = [:]
    /// Per-path rule settings and page classes (`.guidekit.yml` `overrides:`).
    public var pathOverrides: [PathOverride] = []

    public init(rules: [any GuideRule] = RuleRegistry.all, version: AutheliaVersion? = nil,
                profiles: [ApplicationProfile] = (try? ProfileLoader.bundledResult.get()) ?? []) {
        self.rules = rules
        self.version = version
        self.profiles = profiles
    }

    /// Figures of one run, for `--timing` and scripts/bench.
    public struct Statistics: Sendable {
        public var clients = 0
        /// (client, stated secret) pairs whose digest was checked, and how many distinct
        /// (digest, secret) pairs that was.
        public var checkedDigests = 0
        public var verifications = 0
        /// Distinct pairs computed in this run, and those answered without computing (the
        /// persistent cache, or pairs the caller already knew).
        public var computedVerifications = 0
        public var cachedVerifications = 0
        public var verificationSeconds = 0.0
        public var ruleSeconds = 0.0

        /// Adds another run's figures (checking in batches).
        public mutating func add(_ other: Statistics) {
            clients += other.clients
            checkedDigests += other.checkedDigests
            verifications += other.verifications
            computedVerifications += other.computedVerifications
            cachedVerifications += other.cachedVerifications
            verificationSeconds += other.verificationSeconds
            ruleSeconds += other.ruleSeconds
        }
    }

    /// The outcome of checking several guides.
    public struct Run: Sendable {
        /// Per guide, in order: its findings, and the secret values its output must mask.
        public var findings: [[Finding]]
        public var secrets: [Set<String>]
        /// Per guide, the id of the application profile that applied (nil: none).
        public var profiles: [String?] = []
        /// Per guide, what was read from it and decided (`--verbose`, the `files` report).
        public var summaries: [ReadSummary] = []
        /// Every verdict the run used, and the ones it computed (worth remembering).
        public var verifications: [VerificationRequest: DigestVerification]
        public var computed: [VerificationRequest: DigestVerification]
        /// With `verify: false`: the verifications left unanswered.
        public var pending: Set<VerificationRequest> = []
        public var statistics: Statistics
    }

    /// Checks several guides: all digest verifications of the run are collected first,
    /// de-duplicated, answered from `known` and `cache` where possible, the rest spread over
    /// the cores; then the rules run.
    /// - Parameter verify: `false` computes no digest: verifications not in `known` or the
    ///   cache are left unanswered (their rule is silent about them) and returned as
    ///   `Run.pending`, for a caller that verifies them later (the language server, so a
    ///   keystroke never waits for a key derivation).
    public func run(_ guides: [Guide], known: [VerificationRequest: DigestVerification] = [:],
                    cache: DigestCache? = nil, verify: Bool = true) -> Run {
        var statistics = Statistics()
        // Guides are independent: their contexts and rules run on every core.
        let checker = self
        var contexts = guides.concurrentMap { checker.context(for: $0) }
        statistics.clients = contexts.reduce(0) { $0 + $1.clients.count }
        let all = contexts.flatMap(\.verificationRequests)
        statistics.checkedDigests = all.count
        let requests = Set(all)
        statistics.verifications = requests.count
        var results: [VerificationRequest: DigestVerification] = [:]
        var missing: Set<VerificationRequest> = []
        for request in requests {
            if let verdict = known[request] ?? cache?.verdict(for: request) { results[request] = verdict } else { missing.insert(request) }
        }
        statistics.cachedVerifications = results.count
        statistics.computedVerifications = missing.count
        let start = Date()
        let computed = verify ? VerificationPool.verify(missing, budget: digestBudget) : [:]
        results.merge(computed) { old, _ in old }
        statistics.verificationSeconds = Date().timeIntervalSince(start)
        let ruleStart = Date()
        for index in contexts.indices { contexts[index].verifications = results }
        let findings = contexts.concurrentMap { check($0) }
        statistics.ruleSeconds = Date().timeIntervalSince(ruleStart)
        var run = Run(findings: findings, secrets: contexts.map(\.secretValues), profiles: contexts.map { $0.profile?.id },
                      summaries: contexts.map(ReadSummary.init), verifications: results, computed: computed, statistics: statistics)
        if !verify { run.pending = missing }
        return run
    }

    /// - Returns: per guide, its findings and the secret values its output must mask.
    public func check(_ guides: [Guide]) -> (findings: [[Finding]], secrets: [Set<String>], statistics: Statistics) {
        let run = run(guides)
        return (run.findings, run.secrets, run.statistics)
    }

    /// A guide's context under this checker's settings: its Authelia release, profiles, and
    /// the page class `.guidekit.yml` overrides set (`extract` shows the same context).
    public func context(for guide: Guide) -> CheckContext {
        let page = pathOverrides.page(for: guide.path).map { PageClassification($0, "set by .guidekit.yml overrides") }
        return CheckContext(guide: guide, version: version, profiles: profiles, page: page)
    }

    /// The rules that apply to the context's page: those for its class, less those the
    /// path's overrides turn off.
    func rules(for context: CheckContext) -> [any GuideRule] {
        let path = context.guide.path
        return rules.filter { rule in
            let description = type(of: rule).description
            return description.pages.contains(context.page.pageClass)
                && (pathOverrides.isEmpty || !pathOverrides.disables(description.id, for: path))
        }
    }

    public func check(_ context: CheckContext) -> [Finding] {
        let rules = rules(for: context)
        var findings = rules.flatMap { $0.check(context) }
        if !severityOverrides.isEmpty || !pathOverrides.isEmpty {
            for index in findings.indices {
                let id = findings[index].ruleID
                if let severity = pathOverrides.severity(of: id, for: context.guide.path) ?? severityOverrides[id] {
                    findings[index].severity = severity
                }
            }
        }
        // No secret in any message, help or fingerprint, whatever rule wrote it: masked by
        // value, with the one profile-aware list of the guide's secrets.
        // One line each, and no value echoed at length (a 1 MB value would fill the log).
        let mask = SecretMask(context.secretValues)
        for index in findings.indices {
            findings[index].message = Self.oneLine(mask.labelled(findings[index].message))
            findings[index].help = findings[index].help.map { Self.oneLine(mask.labelled($0)) }
            // A fingerprint must not be a way to test guesses of a secret offline.
            if mask.reveals(findings[index].subject) { findings[index].subject = "(secret)" }
        }
        var used: Set<Int> = []
        for index in findings.indices {
            let finding = findings[index]
            guard let match = context.guide.suppressions.indices.first(where: { candidate in
                let suppression = context.guide.suppressions[candidate]
                return suppression.rules.contains(finding.ruleID) && suppression.lines?.contains(finding.location.line) == true
            }) else { continue }
            findings[index].suppression = context.guide.suppressions[match].reason ?? "(no reason given)"
            used.insert(match)
        }
        for rule in rules where type(of: rule).description.stage == .afterSuppressions {
            findings += rule.checkAfterSuppressions(context, used: used)
        }
        return findings.sorted { ($0.location, $0.ruleID) < ($1.location, $1.ruleID) }
    }

    /// The text on one line, at most `limit` characters (cut in the middle of the longest
    /// part, with "…").
    static func oneLine(_ text: String, limit: Int = 400) -> String {
        var line = text
        if line.contains(where: { $0 == "\n" || $0 == "\r" }) {
            line = line.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ⏎ ")
        }
        guard line.count > limit else { return line }
        return String(line.prefix(limit - 21)) + " … " + String(line.suffix(18))
    }

    public func check(_ guide: Guide) -> [Finding] {
        check([guide]).findings[0]
    }

    public func check(path: String, text: String) -> (Guide, [Finding]) {
        let guide = GuideParser.parse(path: path, text: text)
        return (guide, check(guide))
    }
}
