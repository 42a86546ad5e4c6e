package agent

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	sfntypes "github.com/aws/aws-sdk-go-v2/service/sfn/types"
)

// S3Store is the Store of a real run: Amazon S3 with the builder's role.
type S3Store struct{ Client *s3.Client }

// Get reads an object and its user metadata; ErrNotFound when there is none.
func (s S3Store) Get(ctx context.Context, bucket, key string) ([]byte, map[string]string, error) {
	out, err := s.Client.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(bucket), Key: aws.String(key)})
	if err != nil {
		var noKey *s3types.NoSuchKey
		if errors.As(err, &noKey) {
			return nil, nil, fmt.Errorf("%w: %v", ErrNotFound, err)
		}
		return nil, nil, err
	}
	defer out.Body.Close()
	data, err := io.ReadAll(out.Body)
	metadata := map[string]string{}
	for k, v := range out.Metadata {
		metadata[strings.ToLower(k)] = v
	}
	return data, metadata, err
}

// Put writes an object.
func (s S3Store) Put(ctx context.Context, bucket, key string, body []byte) error {
	_, err := s.Client.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String(bucket), Key: aws.String(key), Body: bytes.NewReader(body), ContentType: aws.String("text/plain; charset=utf-8")})
	return err
}

// StepFunctions is the Reporter of a real run.
type StepFunctions struct{ Client *sfn.Client }

func gone(err error) error {
	var timedOut *sfntypes.TaskTimedOut
	var invalid *sfntypes.InvalidToken
	var missing *sfntypes.TaskDoesNotExist
	if errors.As(err, &timedOut) || errors.As(err, &invalid) || errors.As(err, &missing) {
		return fmt.Errorf("%w: %v", ErrTaskGone, err)
	}
	return err
}

// Heartbeat sends SendTaskHeartbeat.
func (s StepFunctions) Heartbeat(ctx context.Context, token string) error {
	_, err := s.Client.SendTaskHeartbeat(ctx, &sfn.SendTaskHeartbeatInput{TaskToken: aws.String(token)})
	return gone(err)
}

// Success sends SendTaskSuccess.
func (s StepFunctions) Success(ctx context.Context, token, output string) error {
	_, err := s.Client.SendTaskSuccess(ctx, &sfn.SendTaskSuccessInput{TaskToken: aws.String(token), Output: aws.String(output)})
	return gone(err)
}

// Failure sends SendTaskFailure (error at most 256 characters, cause at most 32768).
func (s StepFunctions) Failure(ctx context.Context, token, name, cause string) error {
	if len(name) > 256 {
		name = name[:256]
	}
	_, err := s.Client.SendTaskFailure(ctx, &sfn.SendTaskFailureInput{TaskToken: aws.String(token), Error: aws.String(name), Cause: aws.String(cause)})
	return gone(err)
}
