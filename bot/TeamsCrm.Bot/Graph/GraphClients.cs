using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using TeamsCrm.Bot.Operations;

namespace TeamsCrm.Bot.Graph;

/// <summary>
/// A Graph client for a base URL, shared by the SharePoint archive and the Entra ID directory. Graph itself gets a
/// token from the user-assigned managed identity when a client id is given, else DefaultAzureCredential, scoped to
/// that host only; a loopback URL — the fake Graph in tests and demos — gets no credential, so no token ever
/// leaves the machine for it.
/// </summary>
public static class GraphClients
{
    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";

    public static GraphServiceClient Create(string baseUrl, string? managedIdentityClientId) =>
        Create(new Uri(baseUrl.TrimEnd('/')), managedIdentityClientId);

    /// <summary>
    /// The SDK's default middleware with a bounded retry: 429, 503 and 504 are retried up to 5 times, honouring
    /// Retry-After (exponential back-off when there is none). The HttpClient lives as long as its owner, so its
    /// connections are recycled every few minutes instead (DNS changes are seen).
    /// The SDK's own retry handler stays rather than Microsoft.Extensions.Http.Resilience's: it is the handler Graph's
    /// guidance is written for (it sends the Retry-Attempt header, resends only a body it can replay) and already honours
    /// Retry-After with exponential back-off; a second implementation would only change who owns the same rules.
    /// </summary>
    public static GraphServiceClient Create(Uri baseUrl, string? managedIdentityClientId)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers().ToList();
        var retry = handlers.FindIndex(h => h is RetryHandler);
        var bounded = new RetryHandler(new RetryHandlerOption { MaxRetry = 5, Delay = 1, RetriesTimeLimit = TimeSpan.FromMinutes(2) });
        if (retry >= 0) handlers[retry] = bounded;
        else handlers.Insert(0, bounded);
        handlers.Add(new OutboundCallTelemetry("graph"));   // innermost: each attempt, retries included
        var http = GraphClientFactory.Create(handlers, finalHandler: new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        http.Timeout = TimeSpan.FromSeconds(100);
        return new GraphServiceClient(http, AuthenticationProvider(baseUrl, managedIdentityClientId), baseUrl.ToString().TrimEnd('/'));
    }

    static IAuthenticationProvider AuthenticationProvider(Uri baseUrl, string? managedIdentityClientId)
    {
        if (baseUrl.IsLoopback) return new AnonymousAuthenticationProvider();
        TokenCredential credential = string.IsNullOrWhiteSpace(managedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(managedIdentityClientId.Trim()));
        var host = baseUrl.Host;
        return new AzureIdentityAuthenticationProvider(credential, allowedHosts: [host], scopes: [$"https://{host}/.default"]);
    }
}
