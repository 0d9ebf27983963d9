using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.Bot.Archive.Sqlite;

namespace TeamsCrm.Bot.Archive;

public static class ArchiveServices
{
    /// <summary>
    /// Archive:Provider = Sqlite (the default: a file under data/, no cloud needed) or SharePoint (lists on the site
    /// Archive:SharePoint:SiteId, through Graph). Settings are read when the archive is built, not here, so that every
    /// configuration source (tests too) is in place; Program builds it at start, so a bad setting stops the bot there.
    /// </summary>
    public static IServiceCollection AddArchive(this IServiceCollection services)
    {
        services.AddSingleton<ICrmArchive>(sp =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            var clock = sp.GetRequiredService<TimeProvider>();
            var provider = config["Archive:Provider"] ?? "Sqlite";
            if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
                return new SqliteArchive(new SqliteDatabase(config["Archive:Sqlite:Path"] ?? "data/teamscrm.db"), clock);
            if (provider.Equals("SharePoint", StringComparison.OrdinalIgnoreCase))
                return new SharePointArchive(SharePointSettings.From(config).Connect(), clock, sp.GetRequiredService<ILoggerFactory>());
            throw new InvalidOperationException($"Archive:Provider '{provider}' is not known. Use 'Sqlite' or 'SharePoint'.");
        });
        return services;
    }
}
