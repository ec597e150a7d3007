import GuideDocument
import GuideKnowledge

/// `profile-claims-location`: an application that reads the user's claims from the ID token
/// gets them from Authelia 4.39 on only through a claims policy.
struct ProfileClaimsLocationRule: GuideRule {
    static let description = RuleDescription(
        id: "profile-claims-location",
        kind: .profile,
        severity: .error,
        summary: "The application reads claims from the ID token, which since Authelia 4.39 carries them only through a claims policy.",
        explanation: """
            Since 4.39 Authelia's ID token carries only the claims the OpenID Connect \
            specification requires (`sub`, `iss`, `aud`, ...); `preferred_username`, `name`, \
            `email` and `groups` are in the userinfo response, unless the client's \
            `claims_policy` names a policy whose `id_token:` list puts them back. An \
            application that reads claims from the ID token only (its profile says where, and \
            which setting changes it) then gets no username, email or groups: login fails or \
            the user has no groups. Fix it on either side: make the application query the \
            userinfo endpoint, or give the client a claims policy listing the claims under \
            `id_token`. The claims it reads are those its claim settings and templates name, \
            and those its profile says it always reads (Argo CD's `groups`). The upstream \
            guides' escape hatch (`oidc-escape-hatch-claims-hydration`) shows such a policy \
            and counts as one for the claims it names. Checked for guides that target 4.39 or \
            later.
            """,
        reads: [.settings, .clients],
        basis: [
            RuleBasis(.application, "claims_from of the application's profile, citing its source (docs/PROFILES.md): Synapse's _uses_userinfo in synapse/handlers/oidc.py, Proxmox's query-userinfo option"),
            RuleBasis(.autheliaRequest, "internal/oidc/claims.go NewDefaultCustomClaimsStrategy (authelia/authelia v4.39.20): the default ID token claims list is empty, so HydrateIDTokenClaims adds no scope claim unless the client's claims_policy lists it under id_token; an implicit flow hydrates every granted claim (internal/handlers/handler_oauth2_authorization_claims.go)"),
        ],
        triggeringExamples: [
            header + """
            ```yaml {guide="authelia-client"}
            - client_id: ↓'synapse'
              scopes: ['openid', 'profile']
            ```
            """ + application(""),
        ],
        nonTriggeringExamples: [
            header + """
            ```yaml {guide="authelia-client"}
            - client_id: 'synapse'
              scopes: ['openid', 'profile']
            ```
            """ + application("    user_profile_method: 'userinfo_endpoint'\n"),
            header + """
            ```yaml {guide="authelia-client"}
            identity_providers:
              oidc:
                claims_policies:
                  synapse:
                    id_token: ['preferred_username']
                clients:
                  - client_id: 'synapse'
                    claims_policy: 'synapse'
                    scopes: ['openid', 'profile']
            ```
            """ + application(""),
            header + """
            ```yaml {guide="authelia-client"}
            - client_id: 'synapse'
              scopes: ['openid', 'profile']
              response_types: ['id_token']
              grant_types: ['implicit']
            ```
            """ + application(""),
        ])

    /// The examples' front matter and assumptions: a Synapse guide for Authelia 4.39.
    private static let header = """
        ---
        title: "Synapse"
        authelia_version: "4.39"
        ---
        ### Assumptions
        - Client ID: `synapse`


        """

    /// The examples' homeserver.yaml, reading the username from the claims, with `extra`
    /// lines added to the provider.
    private static func application(_ extra: String) -> String {
        """


        ### Application
        ```yaml {guide="app-settings"}
        oidc_providers:
          - idp_id: authelia
            client_id: 'synapse'
            scopes: ['openid', 'profile']
        \(extra)    user_mapping_provider:
              config:
                localpart_template: '{{ user.preferred_username }}'
        ```
        """
    }

    func check(_ context: CheckContext) -> [Finding] {
        guard let profile = context.profile, let location = profile.claimsFrom,
              context.version >= AutheliaVersion(4, 39), let client = context.primaryClient,
              let chosen = location.resolve(in: context.guide, profile: profile), chosen.value == "id_token" else { return [] }
        // An implicit-flow client (response_type id_token) gets every granted scope's claims in
        // its ID token: Authelia's authorization handler hydrates them when the flow is
        // implicit (internal/handlers/handler_oauth2_authorization_claims.go, v4.39.20).
        guard !client.effectiveResponseTypes.allSatisfy(ClientSchema.implicitResponseTypes.contains) else { return [] }
        let needed = Self.claimsRead(in: context.guide, meanings: context.meanings).union(location.claims)
        guard !needed.isEmpty else { return [] }
        var missing = needed
        // The upstream guides' escape hatch (`{{% oidc-escape-hatch-claims-hydration
        // client_id="app" claims="email" %}}`) shows the reader that very claims policy.
        if let hatch = Self.escapeHatchClaims(in: context.guide, clientID: client.clientID?.value) {
            guard let hatch else { return [] }  // no claims named: the hatch covers them all
            missing.subtract(hatch)
            guard !missing.isEmpty else { return [] }
        }
        // The policy may be given where the client is, or in a later block that repeats the
        // client only to add it (the upstream escape hatch written out).
        let policyField = client.claimsPolicy ?? context.clients.lazy.map(\.client)
            .first { $0.clientID?.value == client.clientID?.value && $0.claimsPolicy != nil }?.claimsPolicy
        if let policy = policyField?.value {
            guard let listed = context.provider.idTokenClaims[policy] else { return [] }  // defined elsewhere
            missing.subtract(listed)
            guard !missing.isEmpty else { return [] }
        }
        let names = missing.sorted().joined(separator: ", ")
        // The setting value that makes the application read elsewhere: userinfo first, else
        // one that reads both places.
        let otherSide = location.remedy(selecting: ["userinfo", ApplicationProfile.SettingChoice.any])
        return [finding(context.guide, at: policyField?.node ?? client.anchor,
                        "\(profile.name) reads the user's claims from the ID token (\(chosen.because)), but from Authelia 4.39 the ID token carries \(names) only if the claims policy of client \(client.displayName) lists them under id_token: the application gets no \(names)",
                        help: "\(otherSide)give the client a claims_policy whose id_token lists \(names)",
                        subject: "claims \(names)")]
    }

    /// The claims of the upstream escape-hatch shortcode for this client: `nil` without one,
    /// `.some(nil)` when it names no claims (it then shows a policy for every profile claim).
    static func escapeHatchClaims(in guide: Guide, clientID: String?) -> Set<String>?? {
        let name = UpstreamShortcodes.escapeHatch
        for number in guide.source.originalText.lineNumbers(containing: name) {
            for code in UpstreamShortcodes.shortcodes(in: guide.source.originalLine(number)[...]) where code.name == name {
                guard code.attributes["client_id"].map({ $0 == clientID }) ?? true, code.attributes["example"] == nil else { continue }
                return .some(UpstreamShortcodes.claims(of: code).map(Set.init))
            }
        }
        return nil
    }

    /// The scope claims the application reads: the values of its claim settings, and claims a
    /// template names (`{{ user.preferred_username }}`). Claims every ID token carries (`sub`)
    /// are left out; the profile's own list is added by the caller.
    static func claimsRead(in guide: Guide, meanings: SettingMeanings) -> Set<String> {
        func known(_ claim: String) -> Bool { ClientSchema.scope(delivering: claim) != nil }
        var found = Set<String>()
        for setting in guide.settings {
            let value = ConfigLineReader.unquoted(setting.value.value)
            if meanings.meaning(of: setting) == .claim, known(value), !AppClaimScopeRule.isSwitchedOff(setting, in: guide) {
                found.insert(value)
            }
            var rest = value[...]
            while let range = rest.literalRange(of: "user.") {
                let name = rest[range.upperBound...].prefix { $0.isLetter || $0 == "_" }
                if known(String(name)) { found.insert(String(name)) }
                rest = rest[range.upperBound...]
            }
        }
        return found
    }
}

/// The scope claims an application reads for a guide: its profile's `claims`, the values of
/// its claim settings and the claims its templates name (render writes the upstream escape
/// hatch's policy with them when the shortcode names none).
package enum ApplicationClaims {
    package static func needed(in guide: Guide, meanings: SettingMeanings) -> [String] {
        ProfileClaimsLocationRule.claimsRead(in: guide, meanings: meanings).union(meanings.profile?.claimsFrom?.claims ?? []).sorted()
    }
}
