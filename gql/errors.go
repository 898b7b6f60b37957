package gql

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vikstrous/dataloadgen"

	"github.com/eurel/eurel/graph"
)

// Error codes, as every error's extensions.code carries them. gqlgen's own codes
// (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, COMPLEXITY_LIMIT_EXCEEDED) pass through.
const (
	// CodeBadInput: the request is wrong (an argument, a cursor, a text the parser refused, a body
	// too large); the message says what to change and is safe to show to a user.
	CodeBadInput = "BAD_INPUT"
	// CodeNotFound: an argument names a node the graph does not hold where one is required.
	CodeNotFound = "NOT_FOUND"
	// CodeTimeout: the request ran longer than Config.Timeout.
	CodeTimeout = "TIMEOUT"
	// CodeInternal: our fault. The message holds a reference to the server log, never details.
	CodeInternal = "INTERNAL"
)

func init() {
	// Errors met before a query runs answer HTTP 422, as gqlgen's parse and validation errors
	// do: a query over the cost limit, a mutation over GET. (gqlgen counts its complexity
	// error as a user error, answered 200.) Errors of resolvers are not affected: a response
	// with data is always 200.
	errcode.RegisterErrorType(codeComplexity, errcode.KindProtocol)
	errcode.RegisterErrorType(CodeBadInput, errcode.KindProtocol)
}

// codeComplexity is the code gqlgen's complexity extension gives a query over the limit.
const codeComplexity = "COMPLEXITY_LIMIT_EXCEEDED"

// codedError is an error whose message is meant for the client, with its extensions.code.
type codedError struct {
	code string
	msg  string
}

func (e *codedError) Error() string { return e.msg }

func badInputf(format string, args ...any) error {
	return &codedError{code: CodeBadInput, msg: fmt.Sprintf(format, args...)}
}

func notFoundf(format string, args ...any) error {
	return &codedError{code: CodeNotFound, msg: fmt.Sprintf(format, args...)}
}

// presentError gives every error an extensions.code and keeps our failures' details in the
// log:
//   - errors that already carry a code keep it (gqlgen's parse, validation and complexity
//     errors, and the scalars' BAD_INPUT);
//   - gqlgen's other messages about the request (a malformed body, a mutation over GET, a
//     variable of the wrong type) are BAD_INPUT;
//   - a resolver's codedError keeps its code and message;
//   - anything wrapping graph.ErrBadInput is BAD_INPUT with the parser's own message;
//   - a request past its deadline is TIMEOUT;
//   - everything else is INTERNAL: logged with a reference, answered with that reference only.
func (s *server) presentError(ctx context.Context, err error) *gqlerror.Error {
	gqlErr := graphql.DefaultErrorPresenter(ctx, err)
	if gqlErr.Extensions["code"] != nil {
		return gqlErr
	}
	cause := gqlErr.Err
	var coded *codedError
	switch {
	case cause == nil:
		setCode(gqlErr, CodeBadInput)
	case errors.As(cause, &coded):
		gqlErr.Message = coded.msg
		setCode(gqlErr, coded.code)
	case errors.Is(cause, graph.ErrBadInput):
		gqlErr.Message = firstError(cause).Error()
		setCode(gqlErr, CodeBadInput)
	case errors.Is(cause, context.DeadlineExceeded):
		gqlErr.Message = fmt.Sprintf("the request took longer than its limit of %s", s.cfg.Timeout)
		setCode(gqlErr, CodeTimeout)
	default:
		ref := errorRef()
		s.log.ErrorContext(ctx, "graphql: internal error",
			slog.String("ref", ref), slog.String("path", gqlErr.Path.String()), slog.Any("err", firstError(cause)))
		gqlErr.Message = "internal error (ref " + ref + ")"
		setCode(gqlErr, CodeInternal)
	}
	gqlErr.Err = nil // nothing below the message leaves the server
	return gqlErr
}

// recoverPanic turns a resolver's panic into an INTERNAL error, logging the panic and its stack.
func (s *server) recoverPanic(ctx context.Context, p any) error {
	ref := errorRef()
	s.log.ErrorContext(ctx, "graphql: panic", slog.String("ref", ref), slog.Any("panic", p), slog.String("stack", string(debug.Stack())))
	return &codedError{code: CodeInternal, msg: "internal error (ref " + ref + ")"}
}

func setCode(e *gqlerror.Error, code string) {
	if e.Extensions == nil {
		e.Extensions = map[string]any{}
	}
	e.Extensions["code"] = code
}

// errorRef is a short random reference that ties a client's INTERNAL error to the log line.
func errorRef() string { return rand.Text()[:10] }

// firstError unwraps a dataloader's per-key error list to its first error, which is the
// batch's error in every key.
func firstError(err error) error {
	var list dataloadgen.ErrorSlice
	if errors.As(err, &list) {
		for _, e := range list {
			if e != nil {
				return e
			}
		}
	}
	return err
}
