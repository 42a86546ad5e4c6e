import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IConstruct } from 'constructs';
import { S3_BUCKET, S3_BUCKET_FORMAT, S3_KEY } from './private/rules';
import { Validator } from './private/validation';

/** The service principal that reads app blocks, icons and scripts from S3. */
const APPSTREAM_PRINCIPAL = 'appstream.amazonaws.com';

/**
 * An S3 location as AppStream's L1 resources take it.
 */
export interface S3LocationConfig {
  /** The bucket's name. */
  readonly s3Bucket: string;
  /** The object's key. */
  readonly s3Key: string;
}

/**
 * An object in S3 that AppStream reads: an app block's source (a VHD or a package), an application's
 * icon, a setup or session script.
 *
 * AppStream reads it with its own service principal, `appstream.amazonaws.com`, so the bucket's policy
 * must let it: for a bucket defined in the app (`new s3.Bucket`), this library adds that statement to
 * the bucket policy, for the object's key only; for an imported bucket it warns
 * (`cdk-appstream:<kind>:bucketPolicyNotManaged`), and the policy is yours to set.
 *
 * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/s3-iam-access.html
 */
export abstract class S3Location {
  /**
   * An object of a bucket, defined in the app or imported.
   *
   * @param bucket the bucket
   * @param key the object's key, 1 to 1024 characters
   */
  public static fromBucket(bucket: s3.IBucket, key: string): S3Location {
    return new BucketLocation(bucket, key);
  }

  /**
   * An object of a bucket known only by name: its policy is yours to set (the location warns).
   *
   * @param bucketName the bucket's name
   * @param key the object's key, 1 to 1024 characters
   */
  public static fromBucketName(bucketName: string, key: string): S3Location {
    return new NamedLocation(bucketName, key);
  }

  /**
   * Check the location for the construct that reads it, give AppStream read access to the object when
   * the bucket is defined in the app, and make `scope` depend on that bucket policy.
   *
   * @param scope the construct that reads the object
   * @param property the prop that holds the location, for messages
   */
  public abstract bind(scope: IConstruct, property: string): S3LocationConfig;
}

class BucketLocation extends S3Location {
  constructor(private readonly bucket: s3.IBucket, private readonly key: string) {
    super();
  }

  public bind(scope: IConstruct, property: string): S3LocationConfig {
    const v = Validator.of(scope);
    const bucket = v.object(`${property} bucket`, this.bucket, (x) => typeof x.bucketName === 'string' && typeof x.addToResourcePolicy === 'function',
      'Give an s3.IBucket, such as new s3.Bucket(this, \'Apps\') or s3.Bucket.fromBucketName(this, \'Apps\', name).');
    const config = checkLocation(v, property, bucket.bucketName, this.key);
    const result = bucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AppStreamReads',
      principals: [new iam.ServicePrincipal(APPSTREAM_PRINCIPAL)],
      actions: ['s3:GetObject'],
      resources: [bucket.arnForObjects(config.s3Key)],
    }));
    if (result.statementAdded && result.policyDependable) {
      scope.node.addDependency(result.policyDependable);
    } else {
      warnUnmanaged(v, property, config);
    }
    return config;
  }
}

class NamedLocation extends S3Location {
  constructor(private readonly bucketName: string, private readonly key: string) {
    super();
  }

  public bind(scope: IConstruct, property: string): S3LocationConfig {
    const v = Validator.of(scope);
    const config = checkLocation(v, property, this.bucketName, this.key);
    warnUnmanaged(v, property, config);
    return config;
  }
}

function checkLocation(v: Validator, property: string, bucketName: string, key: string): S3LocationConfig {
  const bucketFix = 'Give the name of an S3 bucket: 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit.';
  v.string(`${property} bucket name`, bucketName, S3_BUCKET, bucketFix);
  v.string(`${property} bucket name`, bucketName, S3_BUCKET_FORMAT, bucketFix);
  const keyFix = 'Give the key of the object in the bucket, such as \'apps/notepadpp.vhdx\' (AppStream needs a key for this location).';
  v.string(`${property} key`, key, S3_KEY, keyFix);
  return { s3Bucket: bucketName, s3Key: key };
}

function warnUnmanaged(v: Validator, property: string, config: S3LocationConfig): void {
  const bucket = cdk.Token.isUnresolved(config.s3Bucket) ? 'the bucket' : `bucket '${config.s3Bucket}'`;
  v.warn('bucketPolicyNotManaged',
    `${property}: ${bucket} is not defined in this app, so its policy is yours to set: let the service principal ${APPSTREAM_PRINCIPAL} call s3:GetObject on the key '${config.s3Key}', or AppStream cannot read it.`);
}
