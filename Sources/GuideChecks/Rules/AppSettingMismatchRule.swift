import GuideDocument
import GuideKnowledge

/// `app-setting-mismatch`: what the application is told matches the assumptions.
struct AppSettingMismatchRule: GuideRule {
    static let description = RuleDescription(
        id: "app-setting-mismatch",
        kind: .crossCheck,
        severity: .error,
        summary: "An application setting contradicts the guide's assumptions.",
        explanation: """
            Application settings that name an assumption must carry its value: the Client ID, \
            the Client Secret, the Realm, and the Issuer URL, \
            which is the Authelia Root URL (trailing slashes aside; see redirect-uri-outside-app \
            for how URLs compare) or its discovery URL. "Client Key" names the secret in \
            Proxmox but the id in Opengist, so it may carry either. Applications whose profile \
            says they compare the issuer exactly (Proxmox VE) must get it without a trailing \
            slash, as Authelia publishes it (an error); for other applications a trailing slash \
            is a warning, since many OpenID Connect libraries compare the issuer byte for byte \
            (go-oidc, openid-client 6, the openidconnect crate), unless the profile says the \
            application does not. Settings come from `Label: \\`value\\`` items under an \
            "Application" heading, from `app-settings` blocks and from command-line options \
            such as `pveum realm add … --client-id`. Values with template syntax (`${VAR}`, \
            `{{ }}`, `<placeholder>`) are not compared. A client id that matches another \
            client of the guide (a second, CLI client, say) is accepted; without a Client ID \
            assumption, the application's client id must be one the YAML configures.
            """,
        reads: [.settings],
        basis: [
            RuleBasis(.guideConsistency, "the application's settings against the assumptions and the Authelia client"),
            RuleBasis(.autheliaRequest, "internal/middlewares/authelia_context.go AutheliaCtx.IssuerURL and internal/handlers/handler_oauth2_oidc_wellknown.go (authelia/authelia v4.39.20): the discovery document's issuer has no trailing slash"),
        ],
        triggeringExamples: [
            """
            ### Assumptions
            - Authelia Root URL: `https://auth.example.com/`
            - Client ID: `proxmox`

            ### Application
            - Issuer URL: `↓https://authelia.example.com`
            - OpenID Issuer: `↓https://auth.example.com/`
            - Client ID: `proxmox`
            """,
            """
            ### Assumptions
            - Client Secret: `insecure_secret`
            - Realm: `authelia`

            ### Application
            ```shell {guide="shell"}
            pveum realm add authelia --type openid --client-key ↓wrong_secret
            ```
            """,
            """
            ### Assumptions
            - Realm: `authelia`

            ```shell
            pveum realm add ↓sso --type openid
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
            ```

            ### Application
            - Client ID: `↓ap`
            """,
        ],
        nonTriggeringExamples: [
            """
            ### Assumptions
            - Authelia Root URL: `https://auth.example.com/`
            - Client ID: `proxmox`
            - Client Secret: `insecure_secret`

            ### Application
            - Issuer URL: `https://auth.example.com`
            - Client ID: `proxmox`
            - Client Key: `insecure_secret`
            - Username Claim: `preferred_username`
            """,
            """
            ### Assumptions
            - Client ID: `app`

            ### Application
            ```shell {title=".env"}
            OIDC_CLIENT_ID=${CLIENT_ID}
            ```
            """,
        ],
        fixExamples: [
            .applicationStep("- Client ID: `↓ap`",
                             "- Client ID: `app`"),
            .applicationStep("- Issuer URL: `↓https://authelia.example.com`",
                             "- Issuer URL: `https://auth.example.com`"),
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let guide = context.guide
        var findings: [Finding] = []
        let clientIDs = Set(guide.clients.compactMap { $0.clientID?.string })
        for setting in guide.settings {
            // Placeholders are app-setting-placeholder's.
            guard let meaning = context.meaning(of: setting), !TemplateSyntax.isTemplated(setting.value.value),
                  Placeholder.of(setting.value.value) == nil else { continue }
            let value = setting.value.value
            switch meaning {
            case .clientID:
                if let expected = guide.assumption(.clientID)?.value?.text {
                    guard value != expected, !clientIDs.contains(value) else { continue }
                    findings.append(mismatch(guide, setting, kind: .clientID, expected: expected))
                } else if !clientIDs.isEmpty, !clientIDs.contains(value) {
                    // No assumption: the application must name a client the YAML configures.
                    findings.append(finding(guide, at: setting.value,
                                            "\(setting.key.value) '\(value)' is not the client_id of any Authelia client in this guide (\(clientIDs.sorted().joined(separator: ", ")))",
                                            help: "use the client_id from the Authelia configuration"))
                }
            case .clientSecret:
                guard let expected = guide.assumption(.clientSecret)?.value?.text, value != expected else { continue }
                findings.append(mismatch(guide, setting, kind: .clientSecret, expected: expected))
            case .clientIDOrSecret:
                let secret = guide.assumption(.clientSecret)?.value?.text
                let id = guide.assumption(.clientID)?.value?.text
                guard let expected = secret ?? id, value != secret, value != id, !clientIDs.contains(value) else { continue }
                findings.append(mismatch(guide, setting, kind: secret != nil ? .clientSecret : .clientID, expected: expected))
            case .realm:
                guard let expected = guide.assumption(.realm)?.value?.text, value != expected else { continue }
                findings.append(mismatch(guide, setting, kind: .realm, expected: expected))
            case .issuerURL:
                guard let root = guide.assumption(.autheliaRootURL)?.value?.url, let url = WebURL(value) else { continue }
                let issuer = root.origin + root.normalizedPath
                if url.isEquivalent(to: root), let profile = context.profile, profile.exactIssuer, value != issuer {
                    findings.append(finding(guide, at: setting.value,
                                            "\(profile.name) compares the issuer exactly: '\(value)' is not Authelia's issuer '\(issuer)'",
                                            help: "write '\(issuer)' (no trailing slash)")
                        .with(replacing(guide, setting.value, with: issuer, "write the issuer without trailing slash")))
                    continue
                }
                // Without the application's word on it: Authelia publishes its issuer without a
                // trailing slash, and strict libraries (go-oidc, openid-client 6, the openidconnect
                // crate) compare it byte for byte; one that says it does not gets no finding.
                if url.isEquivalent(to: root), value != issuer, url.path == "/", context.profile?.exactIssuerFact != false {
                    findings.append(finding(guide, at: setting.value,
                                            "\(setting.key.value) '\(value)' ends with a slash; Authelia's issuer is '\(issuer)', and libraries that compare the issuer exactly refuse the discovery document",
                                            help: "write '\(issuer)' (no trailing slash)", severity: .warning)
                        .with(replacing(guide, setting.value, with: issuer, "write the issuer without trailing slash")))
                    continue
                }
                guard !url.isEquivalent(to: root), !Self.isDiscoveryURL(url, of: root) else { continue }
                findings.append(finding(guide, at: setting.value,
                                        "\(setting.key.value) '\(value)' is not the Authelia Root URL '\(root.text)'",
                                        help: "the issuer is the Authelia Root URL without a trailing slash: '\(issuer)'")
                    .with(replacing(guide, setting.value, with: issuer, "set the issuer to '\(issuer)'")))
            default:
                break  // other meanings are compared by the cross-check rules
            }
        }
        return findings
    }

    private func mismatch(_ guide: Guide, _ setting: AppSetting, kind: AssumptionKind, expected: String) -> Finding {
        // Secrets are named, never printed: the finding must not leak a real one into a CI log.
        let shown = kind == .clientSecret ? "differs from" : "'\(setting.value.value)' differs from"
        let wanted = kind == .clientSecret ? "the Client Secret assumption" : "the \(kind.rawValue) assumption '\(expected)'"
        return finding(guide, at: setting.value, "\(setting.key.value) \(shown) \(wanted)",
                       help: kind == .clientSecret ? "use the same secret in the assumption and the application" : "use '\(expected)'")
            .with(replacing(guide, setting.value, with: expected, "set \(setting.key.value) to the \(kind.rawValue) assumption"))
    }

    /// Some applications call the discovery document's URL their "issuer"; that is fine.
    static func isDiscoveryURL(_ url: WebURL, of root: WebURL) -> Bool {
        url.hasSameOrigin(as: root) && url.normalizedPath == root.normalizedPath + "/.well-known/openid-configuration"
    }


}
