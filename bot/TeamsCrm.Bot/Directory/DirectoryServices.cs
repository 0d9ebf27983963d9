using Microsoft.Extensions.Options;
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
        services.AddSingleton<IDirectory>(sp =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            var provider = config["Directory:Provider"] ?? "Configuration";
            if (provider.Equals("Configuration", StringComparison.OrdinalIgnoreCase))
                return ActivatorUtilities.CreateInstance<ConfiguredDirectory>(sp);
            if (!provider.Equals("Graph", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"Directory:Provider '{provider}' is not known. Use 'Configuration' or 'Graph'.");
            if (sp.GetRequiredService<IOptions<GraphDirectoryOptions>>().Value.RoleGroups.Count == 0)
                throw new InvalidOperationException("Directory:Provider is Graph but no Directory:Graph:RoleGroups are configured (role → Entra group id).");
            var baseUrl = config["Directory:Graph:BaseUrl"] ?? config["Archive:SharePoint:GraphBaseUrl"] ?? GraphClients.DefaultBaseUrl;
            var graph = GraphClients.Create(baseUrl, config["Directory:Graph:ManagedIdentityClientId"] ?? config["Archive:SharePoint:ManagedIdentityClientId"] ?? config["Bot:ManagedIdentityClientId"]);
            return ActivatorUtilities.CreateInstance<GraphDirectory>(sp, graph);
        });
        return services;
    }
}
