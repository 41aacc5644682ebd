using Compliance.Rules.Inventory;

namespace Compliance.Rules.EC2;

/// <summary>Instance lifecycle helpers shared by the instance rules.</summary>
internal static class InstanceStates
{
    /// <summary>True for a terminated instance, which no longer exists for compliance purposes.</summary>
    public static bool IsTerminated(Instance instance) => string.Equals(instance.State, "terminated", StringComparison.OrdinalIgnoreCase);
}
