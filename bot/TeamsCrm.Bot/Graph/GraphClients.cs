using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace TeamsCrm.Bot.Graph;

/// <summary>
/// A Graph client for a base URL. Graph itself gets a managed identity (or, off Azure, DefaultAzureCredential);
/// a loopback URL — the fake Graph in tests and demos — gets no credential at all, so no token ever leaves the
/// machine for it. The SDK's own middleware (retry on 429/503/504 honouring Retry-After, redirects) stays in place.
/// </summary>
public static class GraphClients
{
    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";

    public static GraphServiceClient Create(string baseUrl, string? managedIdentityClientId)
    {
        if (IsLoopback(baseUrl)) return new GraphServiceClient(new AnonymousAuthenticationProvider(), baseUrl);
        TokenCredential credential = string.IsNullOrWhiteSpace(managedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(managedIdentityClientId));
        return new GraphServiceClient(credential, ["https://graph.microsoft.com/.default"], baseUrl);
    }

    public static bool IsLoopback(string baseUrl) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
