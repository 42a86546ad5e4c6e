import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IConstruct, IDependable } from 'constructs';
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
   * @param key the object's key, 1 to 1024 characters; only an APPSTREAM2 app block's source may leave
   * it out, to name the bucket where its app block builder puts a new package
   * @default - no key
   */
  public static fromBucket(bucket: s3.IBucket, key?: string): S3Location {
    return new BucketLocation(bucket, key);
  }

  /**
   * An object of a bucket known only by name: its policy is yours to set (the location warns).
   *
   * @param bucketName the bucket's name
   * @param key the object's key, 1 to 1024 characters; only an APPSTREAM2 app block's source may leave
   * it out, to name the bucket where its app block builder puts a new package
   * @default - no key
   */
  public static fromBucketName(bucketName: string, key?: string): S3Location {
    return new NamedLocation(bucketName, key);
  }

  /**
   * Bind `location` for a use whose key AppStream may not need (an APPSTREAM2 app block's source): the
   * locations of this library then give no key when none was given; any other location binds as usual.
   *
   * @internal
   */
  public static _bindForSource(
    location: S3Location, scope: IConstruct, property: string, keyOptional: boolean,
  ): { s3Bucket: string; s3Key?: string } {
    return location instanceof OwnLocation ? location._bindLocation(scope, property, keyOptional) : location.bind(scope, property);
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

/** The locations of this library: a bucket, by construct or by name, and a key that may be left out. */
abstract class OwnLocation extends S3Location {
  public bind(scope: IConstruct, property: string): S3LocationConfig {
    return this._bindLocation(scope, property, false) as S3LocationConfig;
  }

  /** @internal */
  public abstract _bindLocation(scope: IConstruct, property: string, keyOptional: boolean): { s3Bucket: string; s3Key?: string };
}

/** The one statement per bucket that lets AppStream read the objects of this library's locations, and what it covers. */
const readStatements = new WeakMap<s3.IBucket, { statement: iam.PolicyStatement; dependable: IDependable }>();

class BucketLocation extends OwnLocation {
  constructor(private readonly bucket: s3.IBucket, private readonly key: string | undefined) {
    super();
  }

  /** @internal */
  public _bindLocation(scope: IConstruct, property: string, keyOptional: boolean): { s3Bucket: string; s3Key?: string } {
    const v = Validator.of(scope);
    const bucket = v.object(`${property} bucket`, this.bucket, (x) => typeof x.bucketName === 'string' && typeof x.addToResourcePolicy === 'function',
      'Give an s3.IBucket: an s3.Bucket defined in the app, or one imported with s3.Bucket.fromBucketName().');
    const config = checkLocation(v, property, bucket.bucketName, this.key, keyOptional);
    if (config.s3Key === undefined) {
      warnUpload(v, property, config.s3Bucket);
      return config;
    }
    const dependable = allowRead(bucket, config.s3Key);
    if (dependable) {
      scope.node.addDependency(dependable);
    } else {
      warnUnmanaged(v, property, { s3Bucket: config.s3Bucket, s3Key: config.s3Key });
    }
    return config;
  }
}

/**
 * Let AppStream read `key` of `bucket`, through one statement per bucket (IAM refuses, and S3 asks
 * against, two statements of one policy with the same `Sid`): the first location of a bucket adds it,
 * the others add their keys to it. Returns the bucket policy to depend on, or undefined when the bucket
 * is imported (its policy is not the app's).
 */
function allowRead(bucket: s3.IBucket, key: string): IDependable | undefined {
  const known = readStatements.get(bucket);
  if (known) {
    // A key given twice is one resource: a statement keeps each of its resources once.
    known.statement.addResources(bucket.arnForObjects(key));
    return known.dependable;
  }
  const statement = new iam.PolicyStatement({
    sid: 'AppStreamReads',
    principals: [new iam.ServicePrincipal(APPSTREAM_PRINCIPAL)],
    actions: ['s3:GetObject'],
    resources: [bucket.arnForObjects(key)],
  });
  const result = bucket.addToResourcePolicy(statement);
  if (!result.statementAdded || !result.policyDependable) {
    return undefined;
  }
  readStatements.set(bucket, { statement, dependable: result.policyDependable });
  return result.policyDependable;
}

class NamedLocation extends OwnLocation {
  constructor(private readonly bucketName: string, private readonly key: string | undefined) {
    super();
  }

  /** @internal */
  public _bindLocation(scope: IConstruct, property: string, keyOptional: boolean): { s3Bucket: string; s3Key?: string } {
    const v = Validator.of(scope);
    const config = checkLocation(v, property, this.bucketName, this.key, keyOptional);
    if (config.s3Key === undefined) {
      warnUpload(v, property, config.s3Bucket);
    } else {
      warnUnmanaged(v, property, { s3Bucket: config.s3Bucket, s3Key: config.s3Key });
    }
    return config;
  }
}

function checkLocation(
  v: Validator, property: string, bucketName: string, key: string | undefined, keyOptional: boolean,
): { s3Bucket: string; s3Key?: string } {
  const bucketFix = 'Give the name of an S3 bucket: 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit.';
  v.string(`${property} bucket name`, bucketName, S3_BUCKET, bucketFix);
  v.string(`${property} bucket name`, bucketName, S3_BUCKET_FORMAT, bucketFix);
  if (keyOptional && key === undefined) {
    return { s3Bucket: bucketName };
  }
  const keyFix = 'Give the key of the object in the bucket, such as \'apps/notepadpp.vhdx\' (AppStream needs a key for this location).';
  // A rule, not a type check: the key is optional in the API for APPSTREAM2 app blocks only.
  v.string(`${property} key`, v.required(`${property} key`, key, keyFix), S3_KEY, keyFix);
  return { s3Bucket: bucketName, s3Key: key };
}

function warnUnmanaged(v: Validator, property: string, config: S3LocationConfig): void {
  const bucket = cdk.Token.isUnresolved(config.s3Bucket) ? 'the bucket' : `bucket '${config.s3Bucket}'`;
  v.warn('bucketPolicyNotManaged',
    `${property}: ${bucket} is not defined in this app, so its policy is yours to set: let the service principal ${APPSTREAM_PRINCIPAL} call s3:GetObject on the key '${config.s3Key}', or AppStream cannot read it.`);
}

function warnUpload(v: Validator, property: string, bucketName: string): void {
  const bucket = cdk.Token.isUnresolved(bucketName) ? '' : ` '${bucketName}'`;
  v.warn('packageUploadPolicyNotManaged',
    `${property}: the app block builder uploads the new package to the bucket${bucket}, whose policy is yours to set: give the service principal ${APPSTREAM_PRINCIPAL} the access the AppStream docs ask for uploading app block packages (https://docs.aws.amazon.com/appstream2/latest/developerguide/s3-permissions.html).`);
}
