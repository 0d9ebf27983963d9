using System.Net.Http.Headers;
using Azure.Core;

namespace TeamsCrm.BotFramework.Auth;

/// <summary>
/// Adds the bot's bearer token (client secret or managed identity, scope api.botframework.com) to connector
/// calls. In local mode there is no credential and no token. Azure.Identity caches and refreshes the token.
/// </summary>
public sealed class ConnectorTokenHandler(TokenCredential? credential, TrustedServiceUrls trusted) : DelegatingHandler
{
    static readonly TokenRequestContext Scope = new([BotAuthOptions.ConnectorScope]);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (credential is not null)
        {
            if (request.RequestUri is null || !trusted.IsTrusted(request.RequestUri))
                throw new UntrustedServiceUrlException(request.RequestUri);
            var token = await credential.GetTokenAsync(Scope, ct);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        }
        return await base.SendAsync(request, ct);
    }
}

public sealed class UntrustedServiceUrlException(Uri? uri)
    : InvalidOperationException($"Refusing to send the bot's token to {uri?.GetLeftPart(UriPartial.Authority)}: no authenticated activity came from there.");
