using Compliance.Rules.Inventory;

namespace Compliance.Benchmarks.Synthetic;

/// <summary>One block's keys, buckets, log groups, instances, snapshots, topics, secrets and tables; volumes; the per-region and per-account records.</summary>
internal sealed partial class SyntheticBuilder
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    /// <summary>Three customer managed keys (data, logs, secrets); returns their ARNs.</summary>
    private string[] AddKeys(int block, string region)
    {
        var arns = new string[3];
        var purposes = new[] { "data", "logs", "secrets" };
        for (var i = 0; i < purposes.Length; i++)
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            var id = new Guid(bytes).ToString();
            var arn = $"arn:aws:kms:{region}:{Account}:key/{id}";
            arns[i] = arn;
            var pending = Chance(0.01);
            var root = Allow(Aws($"arn:aws:iam::{Account}:root"), ["kms:*"], ["*"]);
            var use = Allow(Aws($"arn:aws:iam::{Account}:role/application"), ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*"], ["*"],
                Chance(0.9)
                    ? [new PolicyCondition("StringEquals", "kms:ViaService", [$"s3.{region}.amazonaws.com", $"dynamodb.{region}.amazonaws.com"]), new PolicyCondition("StringEquals", "kms:CallerAccount", [Account])]
                    : [new PolicyCondition("StringEquals", "kms:CallerAccount", [Account])]);
            var statements = Chance(0.02) ? new[] { root, Allow(Everyone, ["kms:Decrypt"], ["*"]) } : new[] { root, use };
            _keys.Add(new KmsKey
            {
                Id = id, Region = region, AccountId = Account, Arn = arn, Tags = Tags($"{purposes[i]}-{block}", purpose: Chance(0.95) ? purposes[i] : null),
                KeyManager = "CUSTOMER", KeyState = pending ? "PendingDeletion" : "Enabled", KeySpec = "SYMMETRIC_DEFAULT", Origin = "AWS_KMS",
                DeletionDate = pending ? Now.AddDays(7) : null, RotationEnabled = Chance(0.85),
                Policy = new PolicyDocument("2012-10-17", statements), Aliases = [$"alias/{purposes[i]}-{Text(block)}"],
            });
        }

        return arns;
    }

    /// <summary>A log bucket, seven data buckets with policies, and eight log groups (the first receives the flow log).</summary>
    private void AddStorage(int block, BlockKeys keys)
    {
        var region = keys.Region;
        for (var i = 0; i < 8; i++)
        {
            var isLog = i == 0;
            var name = isLog ? keys.LogBucket : $"synthetic-data-{Text(block)}-{Text(i)}-{Account}-{region}";
            var arn = $"arn:aws:s3:::{name}";
            var statements = new List<PolicyStatement>();
            if (Chance(0.9))
            {
                statements.Add(Deny(["s3:*"], [arn, $"{arn}/*"], new PolicyCondition("Bool", "aws:SecureTransport", ["false"])));
            }

            var open = !isLog && Chance(0.05);
            if (open)
            {
                statements.Add(Allow(Everyone, ["s3:GetObject"], [$"{arn}/*"]));
            }
            else if (!isLog && Chance(0.1))
            {
                statements.Add(Allow(Aws($"arn:aws:iam::{OtherAccount}:root"), ["s3:GetObject", "s3:PutObject"], [$"{arn}/*"]));
            }

            var encryption = Chance(0.85) ? new BucketEncryption("aws:kms", keys.DataKeyArn, Chance(0.9))
                : Chance(0.66) ? new BucketEncryption("AES256", null, false) : new BucketEncryption("aws:kms", null, false);
            _buckets.Add(new Bucket
            {
                Id = name, Region = region, AccountId = Account, Arn = arn,
                Tags = isLog ? Tags(name, purpose: "logs") : Tags(name),
                Encryption = encryption,
                PublicAccessBlock = open ? PublicAccessBlock.None : Chance(0.92) ? new PublicAccessBlock(true, true, true, true) : new PublicAccessBlock(false, false, true, true),
                Versioning = new BucketVersioning(Chance(0.85) ? "Enabled" : "Suspended", false),
                Policy = new PolicyDocument("2012-10-17", statements),
                AclGrants = [new AclGrant("79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be", "FULL_CONTROL")],
                ObjectOwnership = Chance(0.9) ? "BucketOwnerEnforced" : "ObjectWriter",
                Logging = isLog ? new BucketLogging(null, null) : Chance(0.85) ? new BucketLogging(keys.LogBucket, $"s3-access/{name}/") : new BucketLogging(null, null),
                LifecycleRules = Chance(0.8)
                    ? [new LifecycleRule { Id = "expire-noncurrent", Status = "Enabled", NoncurrentVersionExpirationDays = 90, AbortIncompleteMultipartUploadDays = 7, ExpirationDays = isLog ? 400 : null }]
                    : [],
                ObjectLock = isLog && Chance(0.7) ? new ObjectLock(true, "GOVERNANCE", 365) : new ObjectLock(false, null, null),
            });
        }

        for (var i = 0; i < 8; i++)
        {
            var name = i == 0 ? keys.FlowLogGroup : $"/aws/lambda/app-{Text(block)}-{Text(i)}";
            _logGroups.Add(new LogGroup
            {
                Id = name, Region = region, AccountId = Account, Arn = $"arn:aws:logs:{region}:{Account}:log-group:{name}", Tags = Tags(name),
                KmsKeyId = i == 0 || Chance(0.7) ? keys.LogsKeyArn : null,
                RetentionInDays = Chance(0.6) ? 365 : Chance(0.5) ? 90 : null,
            });
        }
    }

    /// <summary>Eight instances, four snapshots, four topics, five secrets and seven tables.</summary>
    private void AddServices(BlockKeys keys)
    {
        var region = keys.Region;
        var subnets = _subnets.Skip(_subnets.Count - 6).ToList();
        for (var i = 0; i < 8; i++)
        {
            var id = NextId("i");
            var subnet = subnets[i % 4];
            _instances.Add(new Instance
            {
                Id = id, Region = region, AccountId = Account, Arn = Arn(region, "instance", id), Tags = Tags($"app-{i}", subnet.Tag("Tier")),
                State = i == 7 ? "stopped" : "running", VpcId = subnet.VpcId, SubnetId = subnet.Id,
                PublicIpAddress = i < 2 && Chance(0.1) ? $"198.51.100.{Text(i + 10)}" : "",
                MetadataOptions = new InstanceMetadataOptions(Chance(0.85) ? "required" : "optional", "enabled"),
            });
        }

        for (var i = 0; i < 4; i++)
        {
            var id = NextId("snap");
            _snapshots.Add(new EbsSnapshot
            {
                Id = id, Region = region, AccountId = Account, Arn = $"arn:aws:ec2:{region}::snapshot/{id}", Tags = Tags($"nightly-{i}"),
                VolumeId = NextId("vol"), Encrypted = Chance(0.9),
                CreateVolumePermissions = Chance(0.02) ? ["all"] : Chance(0.05) ? [OtherAccount] : [],
            });
        }

        for (var i = 0; i < 4; i++)
        {
            var name = $"alerts-{_topics.Count}";
            var arn = $"arn:aws:sns:{region}:{Account}:{name}";
            var open = Chance(0.03);
            var statement = Allow(new PolicyPrincipal(false, new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase) { ["AWS"] = ["*"] }),
                ["SNS:GetTopicAttributes", "SNS:Subscribe", "SNS:Publish"], [arn],
                open ? [] : [new PolicyCondition("StringEquals", "AWS:SourceOwner", [Account])]);
            _topics.Add(new SnsTopic
            {
                Id = arn, Arn = arn, Region = region, AccountId = Account, Tags = Tags(name),
                Attributes = new SnsTopicAttributes(Chance(0.8) ? keys.DataKeyArn : null, new PolicyDocument("2008-10-17", [statement])),
            });
        }

        for (var i = 0; i < 5; i++)
        {
            var name = $"prod/app-{_secrets.Count}/credentials";
            var rotated = Chance(0.75);
            _secrets.Add(new Secret
            {
                Id = name, Region = region, AccountId = Account, Arn = $"arn:aws:secretsmanager:{region}:{Account}:secret:{name}-AbCdEf", Tags = Tags(name),
                RotationEnabled = rotated, RotationIntervalDays = rotated ? 30 : null, KmsKeyId = Chance(0.8) ? keys.SecretsKeyArn : null,
                LastRotatedDate = rotated ? Now.AddDays(-10) : null, LastAccessedDate = Now.AddDays(-1),
            });
        }

        for (var i = 0; i < 7; i++)
        {
            var name = $"table-{_tables.Count}";
            _tables.Add(new DynamoDbTable
            {
                Id = name, Region = region, AccountId = Account, Arn = $"arn:aws:dynamodb:{region}:{Account}:table/{name}", Tags = Tags(name),
                Encryption = Chance(0.7) ? new TableEncryption("KMS", keys.DataKeyArn) : new TableEncryption("AWS_OWNED", null),
                PointInTimeRecoveryEnabled = Chance(0.8), DeletionProtectionEnabled = Chance(0.7),
            });
        }
    }

    private void AddVolume(BlockKeys keys, int index)
    {
        var id = NextId("vol");
        var block = index % mix.Blocks;
        var instance = _instances[block * 8 + index / mix.Blocks % 8];
        var attached = Chance(0.85);
        var encrypted = Chance(0.9);
        _volumes.Add(new Volume
        {
            Id = id, Region = keys.Region, AccountId = Account, Arn = Arn(keys.Region, "volume", id), Tags = Tags($"{instance.Id}-disk"),
            Encrypted = encrypted, KmsKeyId = encrypted ? keys.DataKeyArn : null, State = attached ? "in-use" : "available",
            AttachedInstanceIds = attached ? [instance.Id] : [],
        });
    }

    private GuardDutyDetector Detector(string region, int index)
    {
        var id = $"{index + 1:x2}abc34d567e8fa901bc2d34e56789f0";
        return new GuardDutyDetector
        {
            Id = id, Region = region, AccountId = Account, Arn = $"arn:aws:guardduty:{region}:{Account}:detector/{id}", Tags = Tags("guardduty"),
            Status = "ENABLED", AdministratorAccountId = "",
            Features = new Dictionary<string, string> { ["S3_DATA_EVENTS"] = "ENABLED", ["CLOUD_TRAIL"] = "ENABLED", ["LAMBDA_NETWORK_LOGS"] = index == 0 ? "ENABLED" : "DISABLED" },
        };
    }

    private static ConfigurationRecorder Recorder(string region, int index) => new()
    {
        Id = "default", Region = region, AccountId = Account,
        RoleArn = $"arn:aws:iam::{Account}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig",
        AllSupported = true, IncludeGlobalResourceTypes = index == 0, RecordingStrategy = "ALL_SUPPORTED_RESOURCE_TYPES",
        Recording = true, LastStatus = "SUCCESS",
    };

    private static Trail Trail(BlockKeys keys) => new()
    {
        Id = "organization-audit", Region = keys.Region, AccountId = Account, Arn = $"arn:aws:cloudtrail:{keys.Region}:{Account}:trail/organization-audit",
        Tags = Tags("organization-audit"), IsMultiRegionTrail = true, IncludeGlobalServiceEvents = true, LogFileValidationEnabled = true,
        KmsKeyId = keys.LogsKeyArn, S3BucketName = keys.LogBucket,
        CloudWatchLogsLogGroupArn = $"arn:aws:logs:{keys.Region}:{Account}:log-group:/aws/cloudtrail/organization-audit:*", IsLogging = true,
        EventSelectors = new TrailEventSelectors { Basic = [new EventSelector("All", true)] },
    };

    private static PasswordPolicy PasswordPolicy() => new()
    {
        Id = Account, Region = "global", AccountId = Account, Configured = true, MinimumPasswordLength = 14, RequireSymbols = true,
        RequireNumbers = true, RequireUppercaseCharacters = true, RequireLowercaseCharacters = true, AllowUsersToChangePassword = true,
        ExpirePasswords = true, MaxPasswordAge = 90, PasswordReusePrevention = 24,
    };
}
