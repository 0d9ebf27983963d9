using Microsoft.Extensions.Options;

namespace TeamsCrm.Bot.Operations;

public static class OperationsServices
{
    /// <summary>Readiness, in-flight turns and the shutdown that waits for them (Host:ShutdownTimeout, default 30 s); Host:Instances.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddSingleton<ReadinessProbe>();
        services.AddSingleton<InFlightTurns>();
        services.AddHostedService<TurnDrain>();
        services.AddValidatedOptions<HostingOptions, HostingOptionsValidation>(HostingOptions.Section);
        services.AddOptions<HostOptions>().Configure<IOptions<HostingOptions>>((o, hosting) => o.ShutdownTimeout = hosting.Value.ShutdownTimeout);
        return services;
    }
}
