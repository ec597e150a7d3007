/// Decodes a client mapping into `OIDCClient`, checking each key and value against
/// `ClientSchema` for one Authelia version. Values of the wrong type are reported and left
/// out of the model; everything else is decoded even when reported, so later rules still see it.
public struct ClientDecoder: Sendable {
    public var version: AutheliaVersion

    public init(version: AutheliaVersion) {
        self.version = version
    }

    public func decode(_ node: YAMLNode, blockIndex: Int) -> DecodedClient {
        var client = OIDCClient(node: node, blockIndex: blockIndex)
        var issues: [SchemaIssue] = []
        let pairs = node.pairs ?? []
        let writtenNames = Set(pairs.compactMap { $0.key.string })
        for pair in pairs {
            guard let name = pair.key.string else { continue }
            guard let spec = ClientSchema.key(named: name) else {
                let suggestion = Suggestion.closest(to: name, in: ClientSchema.keyNames(in: version))
                issues.append(.unknownKey(key: pair.key, suggestion: suggestion, addedIn: nil))
                continue
            }
            var canonical = name
            if let current = spec.renamedTo, let renamedIn = spec.renamedIn, version >= renamedIn {
                issues.append(.renamedKey(key: pair.key, current: current, renamedIn: renamedIn,
                                          alsoHasCurrent: writtenNames.contains(current)))
                // Authelia: when both are given, the new key wins and the old value is dropped.
                if writtenNames.contains(current) { continue }
                canonical = current
            } else if spec.since > version {
                let older = ClientSchema.keys.first { $0.renamedTo == name }?.name
                issues.append(.unknownKey(key: pair.key, suggestion: older, addedIn: spec.since))
            } else if let current = spec.renamedTo {
                canonical = current  // the old name is current in this version
            }
            guard !isNull(pair.value) else { continue }
            decode(pair.value, as: ClientSchema.key(named: canonical) ?? spec, canonical: canonical,
                   into: &client, issues: &issues)
        }
        return DecodedClient(client: client, issues: issues)
    }

    private func isNull(_ node: YAMLNode) -> Bool {
        node.string != nil && node.scalarType == .null
    }

    private func decode(_ value: YAMLNode, as spec: ClientKey, canonical: String, into client: inout OIDCClient,
                        issues: inout [SchemaIssue]) {
        func wrongType() { issues.append(.wrongType(value: value, key: canonical, expected: spec.type)) }
        func checkAllowed(_ field: Field<String>) {
            guard let allowed = spec.allowed else { return }
            let now = spec.allowedValues(in: version) ?? []
            guard !now.contains(field.value) else { return }
            let later = allowed.first { $0.value == field.value }?.since
            issues.append(.notAllowed(value: field.node, key: canonical, allowed: now.filter { !$0.isEmpty }, addedIn: later))
        }
        switch spec.type {
        case .string, .digest, .url:
            guard let field = stringField(value) else { return wrongType() }
            checkAllowed(field)
            assign(string: field, to: canonical, in: &client)
        case .duration:
            guard let field = stringField(value), Self.isDuration(field.value) else { return wrongType() }
            client.preConfiguredConsentDuration = field
        case .boolean:
            guard value.string != nil, value.scalarType == .bool, let flag = Self.bool(value.string!) else { return wrongType() }
            assign(bool: Field(value: flag, node: value), to: canonical, in: &client)
        case .stringList, .uriList:
            let items: [YAMLNode]
            if spec.type == .uriList, value.string != nil {
                items = [value]  // a single string is accepted where a URI list is expected
            } else if let sequence = value.items {
                items = sequence
            } else {
                return wrongType()
            }
            var fields: [Field<String>] = []
            for item in items {
                guard let field = stringField(item) else {
                    issues.append(.wrongType(value: item, key: canonical, expected: .string))
                    continue
                }
                checkAllowed(field)
                fields.append(field)
            }
            assign(list: fields, to: canonical, in: &client)
        case .jwks:
            guard let entries = value.items else { return wrongType() }
            client.jwks = entries.compactMap { entry in
                guard let pairs = entry.pairs else {
                    issues.append(.wrongType(value: entry, key: canonical, expected: .jwks))
                    return nil
                }
                var jwk = ClientJWK(node: entry)
                for pair in pairs {
                    guard let name = pair.key.string else { continue }
                    guard ClientSchema.jwkKeys.contains(name) else {
                        issues.append(.unknownKey(key: pair.key, suggestion: Suggestion.closest(to: name, in: ClientSchema.jwkKeys), addedIn: nil))
                        continue
                    }
                    guard let field = stringField(pair.value) else {
                        issues.append(.wrongType(value: pair.value, key: "jwks.\(name)", expected: .string))
                        continue
                    }
                    switch name {
                    case "key_id": jwk.keyID = field
                    case "use": jwk.use = field
                    case "algorithm": jwk.algorithm = field
                    case "key": jwk.key = field
                    default: jwk.certificateChain = field
                    }
                }
                return jwk
            }
        }
    }

    /// A scalar as text. Plain numbers and booleans are accepted where strings are expected
    /// (Authelia's decoder converts them), mappings and lists are not.
    private func stringField(_ node: YAMLNode) -> Field<String>? {
        guard let text = node.string, node.scalarType != .null else { return nil }
        return Field(value: text, node: node)
    }

    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": true
        case "false", "no", "off": false
        default: nil
        }
    }

    /// Authelia durations: a number of seconds, or `<n><unit>` groups (spaces and `and`
    /// ignored) with units ms s m h d w M y or their English words.
    static func isDuration(_ text: String) -> Bool {
        let units: Set<String> = ["ms", "s", "m", "h", "d", "w", "M", "y", "millisecond", "milliseconds", "second",
                                  "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
                                  "month", "months", "year", "years"]
        let compact = text.replacingOccurrences(of: " and ", with: " ")
        if Int(compact.trimmingSpaces()) != nil { return true }
        var scalars = Substring(compact.replacingOccurrences(of: " ", with: ""))
        guard !scalars.isEmpty else { return false }
        while !scalars.isEmpty {
            let digits = scalars.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { return false }
            scalars = scalars.dropFirst(digits.count)
            let unit = scalars.prefix { $0.isLetter }
            guard units.contains(String(unit)) else { return false }
            scalars = scalars.dropFirst(unit.count)
        }
        return true
    }

    private func assign(string field: Field<String>, to name: String, in client: inout OIDCClient) {
        switch name {
        case "client_id": client.clientID = field
        case "client_name": client.clientName = field
        case "client_secret": client.clientSecret = field
        case "sector_identifier_uri": client.sectorIdentifierURI = field
        case "authorization_policy": client.authorizationPolicy = field
        case "lifespan": client.lifespan = field
        case "claims_policy": client.claimsPolicy = field
        case "requested_audience_mode": client.requestedAudienceMode = field
        case "consent_mode": client.consentMode = field
        case "pkce_challenge_method": client.pkceChallengeMethod = field
        case "request_object_signing_alg": client.requestObjectSigningAlg = field
        case "request_object_encryption_alg": client.requestObjectEncryptionAlg = field
        case "request_object_encryption_enc": client.requestObjectEncryptionEnc = field
        case "jwks_uri": client.jwksURI = field
        default:
            // Endpoint keys first: `introspection_endpoint_auth_method` also starts with a
            // response-object prefix (`introspection_`).
            if let endpoint = ClientEndpoint.allCases.first(where: { name.hasPrefix($0.rawValue + "_auth_") }) {
                var settings = client.endpointAuthentication[endpoint] ?? EndpointAuthentication()
                if name.hasSuffix("_auth_method") { settings.method = field } else { settings.signingAlg = field }
                client.endpointAuthentication[endpoint] = settings
            } else if let object = ResponseObject.allCases.first(where: { name.hasPrefix($0.rawValue + "_") }) {
                var settings = client.responseObjects[object] ?? ResponseObjectSettings()
                switch String(name.dropFirst(object.rawValue.count + 1)) {
                case "signed_response_alg": settings.signedAlg = field
                case "signed_response_key_id": settings.signedKeyID = field
                case "encrypted_response_alg": settings.encryptedAlg = field
                case "encrypted_response_enc": settings.encryptedEnc = field
                case "encrypted_response_key_id": settings.encryptedKeyID = field
                default: return
                }
                client.responseObjects[object] = settings
            }
        }
    }

    private func assign(bool field: Field<Bool>, to name: String, in client: inout OIDCClient) {
        switch name {
        case "public": client.isPublic = field
        case "require_pushed_authorization_requests": client.requirePushedAuthorizationRequests = field
        case "require_pkce": client.requirePKCE = field
        case "allow_multiple_auth_methods": client.allowMultipleAuthMethods = field
        default: break
        }
    }

    private func assign(list: [Field<String>], to name: String, in client: inout OIDCClient) {
        switch name {
        case "redirect_uris": client.redirectURIs = list
        case "request_uris": client.requestURIs = list
        case "audience": client.audience = list
        case "scopes": client.scopes = list
        case "grant_types": client.grantTypes = list
        case "response_types": client.responseTypes = list
        case "response_modes": client.responseModes = list
        default: break
        }
    }
}
