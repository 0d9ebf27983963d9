using Microsoft.Extensions.Options;
using Microsoft.Graph;
using TeamsCrm.Bot.Graph;
using TeamsCrm.Bot.Operations;

namespace TeamsCrm.Bot.Directory;

public static class DirectoryServices
{
    /// <summary>
    /// Directory:Provider = Configuration (the default: the people in Directory:People) or Graph (Entra ID
    /// groups per role and managers from Graph). Read when first needed, so every configuration source counts.
    /// </summary>
    public static IServiceCollection AddDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DirectoryOptions, DirectoryOptionsValidation>(DirectoryOptions.Section);
        services.AddValidatedOptions<GraphDirectoryOptions, GraphDirectoryOptionsValidation>(GraphDirectoryOptions.Section);
        services.AddKeyedSingleton(GraphKey, (sp, _) =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            var baseUrl = config["Directory:Graph:BaseUrl"] ?? config["Archive:SharePoint:GraphBaseUrl"] ?? GraphClients.DefaultBaseUrl;
            return GraphClients.Create(baseUrl, config["Directory:Graph:ManagedIdentityClientId"] ?? config["Archive:SharePoint:ManagedIdentityClientId"] ?? config["Bot:ManagedIdentityClientId"]);
        });
        services.AddSingleton<IDirectory>(sp =>
        {
            if (!IsGraph(sp)) return ActivatorUtilities.CreateInstance<ConfiguredDirectory>(sp);
            if (sp.GetRequiredService<IOptions<GraphDirectoryOptions>>().Value.RoleGroups.Count == 0)
                throw new InvalidOperationException("Directory:Provider is Graph but no Directory:Graph:RoleGroups are configured (role → Entra group id).");
            return ActivatorUtilities.CreateInstance<GraphDirectory>(sp, sp.GetRequiredKeyedService<GraphServiceClient>(GraphKey));
        });
        // Mailboxes are Entra ID's: with the configured directory, or Directory:Graph:AutomaticReplies false, nobody is away.
        services.AddSingleton<IAwayStatus>(sp => IsGraph(sp) && sp.GetRequiredService<IOptions<GraphDirectoryOptions>>().Value.AutomaticReplies
            ? ActivatorUtilities.CreateInstance<MailboxAutoReplies>(sp, sp.GetRequiredKeyedService<GraphServiceClient>(GraphKey))
            : new NobodyAway());
        return services;
    }

    /// <summary>The directory's Graph client, shared by the directory and the automatic replies.</summary>
    const string GraphKey = "directory";

    static bool IsGraph(IServiceProvider sp)
    {
        var provider = sp.GetRequiredService<IConfiguration>()["Directory:Provider"] ?? "Configuration";
        if (provider.Equals("Configuration", StringComparison.OrdinalIgnoreCase)) return false;
        return provider.Equals("Graph", StringComparison.OrdinalIgnoreCase)
            ? true : throw new InvalidOperationException($"Directory:Provider '{provider}' is not known. Use 'Configuration' or 'Graph'.");
    }
}
