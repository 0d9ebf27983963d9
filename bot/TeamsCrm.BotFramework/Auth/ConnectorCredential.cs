using Azure.Core;
using Azure.Identity;

namespace TeamsCrm.BotFramework.Auth;

/// <summary>
/// The credential for outbound connector calls: a client secret when one is configured, otherwise the
/// (user-assigned, when a client id is given) managed identity; none in local mode.
/// </summary>
public sealed record ConnectorCredential(TokenCredential? Value)
{
    public static ConnectorCredential From(BotAuthOptions o)
    {
        if (o.IsLocalMode) return new((TokenCredential?)null);
        if (!string.IsNullOrWhiteSpace(o.AppSecret))
            return new(new ClientSecretCredential(string.IsNullOrWhiteSpace(o.TenantId) ? "botframework.com" : o.TenantId, o.AppId, o.AppSecret));
        return new(string.IsNullOrWhiteSpace(o.ManagedIdentityClientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(o.ManagedIdentityClientId)));
    }
}
