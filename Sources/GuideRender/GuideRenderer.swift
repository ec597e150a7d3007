import Foundation
import SecretDigests
import GuideChecks
import GuideDocument
import GuideKnowledge

/// Renders a guide for one site: every assumption value, and everything derived from it,
/// replaced structurally; a fresh secret and its digest; then the result checked again.
///
/// How a site value is substituted (docs/SITES.md):
/// 1. Hugo `sitevar` shortcodes are resolved to their defaults first, so upstream guides are
///    handled like our own.
/// 2. Structural edits: assumption values; the client's `client_id` and `client_secret` by
///    their YAML path; application settings whose meaning is known (client id, secret,
///    realm) by their key or flag.
/// 3. Token edits: every other occurrence of an assumption value or a form derived from it
///    (URL with or without slash, origin, host:port, host) as a whole token inside code spans,
///    link destinations, YAML values of the Authelia block, setting values and code blocks
///    GuideKit does not otherwise understand. Never in prose, never inside a longer token.
public struct GuideRenderer: Sendable {
    public var checker: Checker
    /// The HTML page template (templates/guide.html).
    public var template: String

    /// The page template shipped with GuideKit (templates/guide.html, compiled in).
    public static var defaultTemplate: String { EmbeddedTemplate.guideTemplate }

    public init(checker: Checker = Checker(), template: String = GuideRenderer.defaultTemplate) {
        self.checker = checker
        self.template = template
    }

    /// A guide checked and made ready once, then rendered for any number of sites.
    public struct PreparedGuide: Sendable {
        public var path: String
        /// Parsed from the text with `sitevar` shortcodes resolved: edits apply to that text.
        public var guide: Guide
        var originalFindings: [Finding]
        /// Digest verdicts of the guide as written: the re-check of a render reuses them.
        var verifications: [VerificationRequest: DigestVerification] = [:]
        /// What each setting means (profile first), worked out once for every site.
        var meanings: SettingMeanings
    }

    public func prepare(path: String, text: String) throws(RenderError) -> PreparedGuide {
        try prepare(GuideParser.parse(path: path, text: text))
    }

    /// Checks the guide as written (it must have no error). Done once per guide, not once per
    /// site: checking verifies the guide's own digest.
    public func prepare(_ parsed: Guide) throws(RenderError) -> PreparedGuide {
        try prepare([parsed], cache: nil)[0].get()
    }

    /// Prepares several guides with one check run (each distinct digest verified once, or
    /// answered by the cache).
    public func prepare(_ parsed: [Guide], cache: DigestCache?) -> [Result<PreparedGuide, RenderError>] {
        // Checked as written, exactly as `check` does: a guide with site variables must work
        // for every site, so its template leaks (found on the shortcodes) stop the render too.
        let run = checker.run(parsed, cache: cache)
        // The edits need the resolved text: a guide with shortcodes is parsed a second time,
        // with them replaced by their defaults (positions stay on the same lines).
        let guides = parsed.map { $0.source.shortcodes.isEmpty ? $0 : GuideParser.parse(path: $0.path, text: $0.source.originalText, resolvingShortcodes: true) }
        return guides.indices.map { index in
            Result { () throws(RenderError) in
                var prepared = try prepare(guides[index], findings: run.findings[index])
                prepared.verifications = run.verifications
                return prepared
            }
        }
    }

    private func prepare(_ guide: Guide, findings: [Finding]) throws(RenderError) -> PreparedGuide {
        let path = guide.path
        if let error = findings.first(where: { $0.severity == .error }) {
            var failure = RenderError(site: "", guide: Self.stem(path), message: "the guide itself does not check clean; fix it first",
                                      findings: [error])
            failure.path = path
            throw failure
        }
        return PreparedGuide(path: path, guide: guide, originalFindings: findings,
                             meanings: SettingMeanings(guide: guide, profiles: checker.profiles))
    }

    public func render<R: RandomNumberGenerator>(path: String, text: String, site: Site, version: AutheliaVersion? = nil,
                                                 random: inout R) throws(RenderError) -> RenderedGuide {
        try render(try prepare(path: path, text: text), site: site, version: version, random: &random)
    }

    public func render<R: RandomNumberGenerator>(_ prepared: PreparedGuide, site: Site, version: AutheliaVersion? = nil,
                                                 random: inout R) throws(RenderError) -> RenderedGuide {
        let path = prepared.path
        let guideName = Self.stem(path)
        func fail(_ message: String, findings: [Finding] = []) -> RenderError {
            var error = RenderError(site: site.name, guide: guideName, message: message, findings: findings)
            error.path = path
            return error
        }
        let guide = prepared.guide
        let originalFindings = prepared.originalFindings
        let target = version ?? site.autheliaVersion

        var plan = SubstitutionPlan(guide: guide, site: site)
        do {
            try plan.planAssumptions()
            try plan.planSecret(random: &random)
        } catch {
            throw fail(error.message)
        }
        plan.planClientBlocks()
        if let target {
            do { try plan.planKeyNames(for: target) } catch { throw fail(error.message) }
        }
        plan.planSettings(meaning: prepared.meanings.meaning(of:))
        plan.planLinks()
        plan.planProse()
        plan.quoteEditsInShellBlocks()
        var rendered = TextEdit.apply(plan.edits, to: guide.source.resolvedTextWithFrontMatter)
        // A secret GuideKit manages (generated now or earlier): the guide's warnings against
        // its example secret become where the secret is kept.
        let managed = plan.generatedSecret || plan.keptSecret
        if managed { rendered = SecretNotice.replacingWarnings(in: rendered, site: site.name) }
        // Upstream-format guides: shortcodes expanded, relative links made absolute.
        if !guide.source.shortcodes.isEmpty || rendered.containsLiteral("{{<") || rendered.containsLiteral("{{%") {
            var clientIDs: [String: String] = [:]
            if let old = plan.oldClientID, let new = plan.newValue(.clientID) { clientIDs[old] = new }
            rendered = UpstreamShortcodes.expand(rendered, guide: guideName, site: site.name, clientIDs: clientIDs,
                                                 generatedSecret: managed,
                                                 neededClaims: ApplicationClaims.needed(in: guide, meanings: prepared.meanings))
        }

        // Proof: the rendered guide must check clean, digest included. The same parse gives
        // the HTML page.
        var recheck = checker
        recheck.version = target
        let renderedGuide = GuideParser.parse(path: path, text: rendered, html: true)
        // A freshly generated pair is correct by construction: the re-check does not pay for
        // its PBKDF2 again (nor for the guide's own digests, verified in `prepare`).
        var known = prepared.verifications
        if let secret = plan.newSecret, let digest = plan.newDigest {
            known[VerificationRequest(digest: digest, secret: secret)] = .match
        }
        if let problem = SubstitutionPlan.shellShapeProblem(original: guide, rendered: renderedGuide) {
            throw fail(problem)
        }
        // Proxmox's own file format, read back as Proxmox reads it.
        for block in renderedGuide.codeBlocks where block.info.value(of: "format") == "domains.cfg" {
            if let problem = ProxmoxDomainsConfig.parse(block.content).problems.first {
                throw fail("the rendered domains.cfg would not be read as meant (line \(block.contentFirstLine + problem.line - 1)): \(problem.message)")
            }
        }
        let recheckRun = recheck.run([renderedGuide], known: known)
        let findings = recheckRun.findings[0]
        let errors = findings.filter { $0.severity == .error }
        guard errors.isEmpty else {
            throw fail("the rendered guide does not check clean", findings: errors)
        }
        var warnings = plan.warnings
        let before = Dictionary(grouping: originalFindings, by: \.ruleID).mapValues(\.count)
        for (rule, count) in Dictionary(grouping: findings, by: \.ruleID).mapValues(\.count) where count > before[rule, default: 0] {
            warnings.append("the rendered guide has \(count) '\(rule)' warning(s)")
        }

        // Every file holding a plaintext secret is private (0600); the others are 0644.
        var secrets = recheckRun.secrets[0]  // the re-check worked them out already
        if let secret = plan.newSecret { secrets.insert(secret) }
        let html = HTMLPage.maskingSecrets(HTMLPage(template: template).render(guide: renderedGuide, siteName: site.name), secrets)
        let mask = SecretMask(secrets)
        func permissions(_ content: String) -> Int { mask.reveals(content) ? 0o600 : 0o644 }
        var artifacts = [RenderedGuide.Artifact(name: "guide.md", content: rendered, permissions: permissions(rendered)),
                         RenderedGuide.Artifact(name: "guide.html", content: html, permissions: permissions(html))]
        artifacts += ArtifactExtractor.artifacts(from: renderedGuide).map { artifact in
            var artifact = artifact
            artifact.permissions = permissions(artifact.content)
            return artifact
        }
        var record: RenderedGuide.ManagedSecret?
        if managed, let secret = plan.newSecret, let digest = plan.newDigest {
            let id = plan.newValue(.clientID) ?? guide.assumption(.clientID)?.value?.text ?? ""
            record = RenderedGuide.ManagedSecret(clientID: id, secret: secret, digest: digest)
            artifacts.append(.init(name: "secrets.txt",
                                   content: "# Generated by guidekit render for site \(site.name). Keep this file private.\nclient_id: \(id)\nclient_secret: \(secret)\nclient_secret_digest: \(digest)\n",
                                   permissions: 0o600))
        }
        var result = RenderedGuide(site: site.name, guide: guideName, artifacts: artifacts,
                                   warnings: warnings, generatedSecret: plan.generatedSecret,
                                   title: renderedGuide.title, clients: renderedGuide.clients)
        result.secret = record
        result.definitions = OIDCDefinitions.read(renderedGuide)
        return result
    }

    static func stem(_ path: String) -> String { Guide.name(forPath: path) }

}
