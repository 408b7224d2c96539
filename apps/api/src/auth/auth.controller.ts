import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ValidationFailed, type FieldProblem } from '@newsdesk/common';
import { AuthService, PASSWORD_RULES } from '@newsdesk/identity';
import { AllowOneTimePassword, Public, type UserActor } from './auth.guard';
import { CurrentActor } from './current-actor.decorator';

class LoginBody {
  @ApiProperty({ example: 'editor@newsdesk.test' }) email!: string;
  @ApiProperty({ example: 'newsdesk' }) password!: string;
}

class ChangePasswordBody {
  @ApiProperty() current!: string;
  @ApiProperty({ minLength: PASSWORD_RULES.min, maxLength: PASSWORD_RULES.max }) new!: string;
}

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginBody) {
    const problems: FieldProblem[] = [];
    if (typeof body?.email !== 'string' || !body.email.includes('@'))
      problems.push({ field: 'email', reason: 'must be an email address' });
    if (typeof body?.password !== 'string' || !body.password)
      problems.push({ field: 'password', reason: 'is required' });
    if (problems.length) throw new ValidationFailed(problems);
    return this.auth.login(body.email, body.password);
  }

  /**
   * Changes the signed-in user's password; the only route open while a
   * one-time password is still in use. Ends the user's other sessions and
   * returns a new token.
   */
  @Post('password')
  @HttpCode(200)
  @ApiBearerAuth()
  @AllowOneTimePassword()
  changePassword(@CurrentActor() actor: UserActor, @Body() body: ChangePasswordBody) {
    if (typeof body !== 'object' || body === null)
      throw new ValidationFailed([{ field: 'body', reason: 'must be a JSON object' }]);
    return this.auth.changePassword(actor.id, body);
  }
}
