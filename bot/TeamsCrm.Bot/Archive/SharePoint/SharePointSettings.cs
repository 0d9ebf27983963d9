using TeamsCrm.Bot.Graph;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// Archive:SharePoint:* — where the lists are and how to reach Graph.
/// <list type="bullet">
/// <item>SiteId: the site's Graph id ("contoso.sharepoint.com,{site guid},{web guid}") or path ("contoso.sharepoint.com:/sites/crm:"). Required.</item>
/// <item>GraphBaseUrl: https://graph.microsoft.com/v1.0 by default. A loopback address (the fake Graph server) is called
///   without a token; anything else with an Entra token for that host.</item>
/// <item>ManagedIdentityClientId: the user-assigned managed identity to take the token as. Without it,
///   DefaultAzureCredential (environment, workload identity, system-assigned managed identity, Azure CLI, …).</item>
/// </list>
/// </summary>
public sealed record SharePointSettings(string SiteId, Uri GraphBaseUrl, string? ManagedIdentityClientId = null)
{
    public const string Section = "Archive:SharePoint";
    public const string DefaultGraphBaseUrl = GraphClients.DefaultBaseUrl;

    /// <summary>Read when the archive is built, so a missing site id stops the bot at start with this message.</summary>
    public static SharePointSettings From(IConfiguration config)
    {
        var siteId = config[$"{Section}:SiteId"];
        if (string.IsNullOrWhiteSpace(siteId))
            throw new InvalidOperationException($"The SharePoint archive needs {Section}:SiteId: the site's Graph id " +
                "(contoso.sharepoint.com,{site guid},{web guid}) or path (contoso.sharepoint.com:/sites/crm:).");
        var url = config[$"{Section}:GraphBaseUrl"];
        if (string.IsNullOrWhiteSpace(url)) url = DefaultGraphBaseUrl;
        if (!Uri.TryCreate(url.TrimEnd('/'), UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http"))
            throw new InvalidOperationException($"{Section}:GraphBaseUrl '{url}' is not an http(s) address.");
        if (baseUrl.Scheme == "http" && !baseUrl.IsLoopback)
            throw new InvalidOperationException($"{Section}:GraphBaseUrl '{url}' must use https (plain http only on loopback).");
        var clientId = config[$"{Section}:ManagedIdentityClientId"];
        return new SharePointSettings(siteId.Trim(), baseUrl, string.IsNullOrWhiteSpace(clientId) ? null : clientId.Trim());
    }

    public SharePointSite Connect() => new(GraphClients.Create(GraphBaseUrl, ManagedIdentityClientId), SiteId);
}
