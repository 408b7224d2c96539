import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { ValidationFailed, type FieldProblem } from '@newsdesk/common';
import { AuthService } from '@newsdesk/identity';
import { objectBody } from '../input/body';
import { Public } from './auth.guard';

class LoginBody {
  @ApiProperty({ example: 'editor@newsdesk.test' }) email!: string;
  @ApiProperty({ example: 'newsdesk' }) password!: string;
}

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginBody) {
    objectBody(body, ['email', 'password']);
    const problems: FieldProblem[] = [];
    if (typeof body?.email !== 'string' || !body.email.includes('@'))
      problems.push({ field: 'email', reason: 'must be an email address' });
    if (typeof body?.password !== 'string' || !body.password)
      problems.push({ field: 'password', reason: 'is required' });
    if (problems.length) throw new ValidationFailed(problems);
    return this.auth.login(body.email, body.password);
  }
}
